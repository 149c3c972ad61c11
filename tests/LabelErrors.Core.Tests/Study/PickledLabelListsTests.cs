using LabelErrors.Core.Formats;
using LabelErrors.Core.Study;

namespace LabelErrors.Core.Tests.Study;

public sealed class PickledLabelListsTests
{
    [Fact]
    public void Reads_the_AudioSet_label_lists()
    {
        const string file = "label-errors/original_test_labels/audioset_eval_set_original_labels.npy";
        using var stream = StudyFiles.Assets.Open(file);

        var lists = PickledLabelLists.Read(stream, file);

        Assert.Equal(20_371, lists.Length);
        Assert.Equal([195, 196], lists[0]);
        Assert.Equal([13, 66, 69, 504], lists[2]); // ontology order: Children shouting, Cheering, Crowd, Sound effect
        Assert.All(lists, l => Assert.All(l, label => Assert.InRange(label, 0, 526)));
    }

    [Fact]
    public void As_many_labels_as_the_vote_file_gives_each_checked_clip()
    {
        const string file = "label-errors/original_test_labels/audioset_eval_set_original_labels.npy";
        using var stream = StudyFiles.Assets.Open(file);
        var lists = PickledLabelLists.Read(stream, file);

        Assert.All(StudyFiles.Votes("audioset"), r => Assert.Equal(r.GivenLabelNames.Count, lists[r.StudyIndex!.Value].Length));
    }

    [Fact]
    public void A_numeric_npy_is_refused_with_its_name()
    {
        using var stream = new MemoryStream();
        Npy.Write(stream, new long[] { 1, 2 }, 2);
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => PickledLabelLists.Read(stream, "x.npy"));
        Assert.Contains("x.npy", error.Message);
    }

    [Fact]
    public void A_truncated_pickle_is_refused()
    {
        const string file = "label-errors/original_test_labels/audioset_eval_set_original_labels.npy";
        var bytes = StudyFiles.Assets.ReadAllBytes(file);
        using var truncated = new MemoryStream(bytes, 0, bytes.Length / 2);

        Assert.Throws<InvalidDataException>(() => PickledLabelLists.Read(truncated, file));
    }
}
