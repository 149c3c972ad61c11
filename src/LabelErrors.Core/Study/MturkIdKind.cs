namespace LabelErrors.Core.Study;

/// <summary>What the <c>id</c> of a dataset's mTurk rows means, i.e. how a row finds its test-set index.</summary>
public enum MturkIdKind
{
    /// <summary>The id is the index into the study's arrays.</summary>
    Index,

    /// <summary>IMDB: the id is a review file (<c>test/neg/10003_3</c>), resolved through the index file.</summary>
    ReviewFile,

    /// <summary>
    /// ImageNet: the id is the ILSVRC2012 validation image number (293 for ILSVRC2012_val_00000293.JPEG); the arrays are
    /// in the index file's order (sorted by class folder), so the row's URL path is resolved through the index file.
    /// </summary>
    ValidationImageNumber,
}
