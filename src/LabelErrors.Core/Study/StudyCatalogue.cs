namespace LabelErrors.Core.Study;

/// <summary>
/// The ten test sets of "Pervasive Label Errors in Test Sets Destabilize Machine Learning Benchmarks" (Northcutt,
/// Athalye, Mueller, NeurIPS 2021 Datasets and Benchmarks), in the paper's Table 1 order, with Table 1 as published.
/// </summary>
public static class StudyCatalogue
{
    public const string ClassNamesFile = "label-errors/classes.json";
    public const string StudyLicence = "Study data (votes, labels, predictions, index files): GNU GPL v3, cleanlab/label-errors (label-errors/LICENSE.label-errors).";

    private const string Mturk = "label-errors/mturk/";
    private const string Labels = "label-errors/original_test_labels/";
    private const string Predicted = "label-errors/cross_validated_predicted_labels/";
    private const string Probabilities = "label-errors/cross_validated_predicted_probabilities/";
    private const string Indexing = "label-errors/dataset_indexing/";
    private const string UserFolderNote = "Images are not bundled: configure a folder holding the {0} to see them.";

    public static IReadOnlyList<StudyDataset> All { get; } =
    [
        new()
        {
            Slug = "mnist", Name = "MNIST", Modality = StudyModality.Image, VoteForm = VoteForm.GivenGuessedNeitherBoth,
            TestSetSize = 10_000, ClassNamesKey = "mnist_test_set",
            MturkFile = Mturk + "mnist_mturk.json",
            OriginalLabelsFile = Labels + "mnist_test_set_original_labels.npy",
            PredictedLabelsFile = Predicted + "mnist_test_set_pyx_argmax_predicted_labels.npy",
            PredProbsFile = Probabilities + "mnist_test_set_pyx.npy",
            ContentArchive = null,
            ContentNote = "Digits from the bundled MNIST IDX file (content/mnist/t10k-images-idx3-ubyte), addressed by index.",
            Source = "http://yann.lecun.com/exdb/mnist/ (test set: t10k)",
            Licence = "CC BY-SA 3.0 (as commonly distributed). " + StudyLicence,
            Citation = "Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. Gradient-based learning applied to document recognition. Proc. IEEE 86(11), 1998.",
            Paper = new(100, 100, 15, null, 0.15m),
        },
        new()
        {
            Slug = "cifar10", Name = "CIFAR-10", Modality = StudyModality.Image, VoteForm = VoteForm.GivenGuessedNeitherBoth,
            TestSetSize = 10_000, ClassNamesKey = "cifar10_test_set",
            MturkFile = Mturk + "cifar10_mturk.json",
            OriginalLabelsFile = Labels + "cifar10_test_set_original_labels.npy",
            PredictedLabelsFile = Predicted + "cifar10_test_set_pyx_argmax_predicted_labels.npy",
            PredProbsFile = Probabilities + "cifar10_test_set_pyx.npy",
            IndexFile = "content/cifar10/test_index_to_filename.json",
            ContentArchive = "content/cifar10/cifar10_test_jpg.tar.gz",
            ContentNote = "JPEG re-encodings of the test images (bundled), not the exact pixels.",
            Source = "https://www.cs.toronto.edu/~kriz/cifar.html",
            Licence = "No formal licence; cite Krizhevsky 2009. " + StudyLicence,
            Citation = "A. Krizhevsky. Learning Multiple Layers of Features from Tiny Images. Technical report, University of Toronto, 2009.",
            Paper = new(275, 275, 54, null, 0.54m),
        },
        new()
        {
            Slug = "cifar100", Name = "CIFAR-100", Modality = StudyModality.Image, VoteForm = VoteForm.GivenGuessedNeitherBoth,
            TestSetSize = 10_000, ClassNamesKey = "cifar100_test_set",
            MturkFile = Mturk + "cifar100_mturk.json",
            OriginalLabelsFile = Labels + "cifar100_test_set_original_labels.npy",
            PredictedLabelsFile = Predicted + "cifar100_test_set_pyx_argmax_predicted_labels.npy",
            ContentNote = string.Format(System.Globalization.CultureInfo.InvariantCulture, UserFolderNote, "CIFAR-100 test images"),
            Source = "https://www.cs.toronto.edu/~kriz/cifar.html",
            Licence = "No formal licence; cite Krizhevsky 2009. " + StudyLicence,
            Citation = "A. Krizhevsky. Learning Multiple Layers of Features from Tiny Images. Technical report, University of Toronto, 2009.",
            Paper = new(2_235, 2_235, 585, null, 5.85m),
        },
        new()
        {
            Slug = "caltech256", Name = "Caltech-256", Modality = StudyModality.Image, VoteForm = VoteForm.GivenGuessedNeitherBoth,
            TestSetSize = 30_607, ClassNamesKey = "caltech256",
            MturkFile = Mturk + "caltech256_mturk.json",
            OriginalLabelsFile = Labels + "caltech256_original_labels.npy",
            PredictedLabelsFile = Predicted + "caltech256_pyx_argmax_predicted_labels.npy",
            IndexFile = Indexing + "caltech256_index_to_filename.json",
            ContentNote = string.Format(System.Globalization.CultureInfo.InvariantCulture, UserFolderNote, "256_ObjectCategories images"),
            Source = "https://data.caltech.edu/records/nyy15-4j048",
            Licence = "CC BY 4.0 (Caltech data repository). " + StudyLicence,
            Citation = "G. Griffin, A. Holub, P. Perona. Caltech-256 Object Category Dataset. Technical report 7694, Caltech, 2007.",
            Paper = new(4_643, 400, 65, 754, 2.46m),
            FiguresNote = CaltechNote,
        },
        new()
        {
            Slug = "imagenet", Name = "ImageNet", Modality = StudyModality.Image, VoteForm = VoteForm.GivenGuessedNeitherBoth,
            TestSetSize = 50_000, ClassNamesKey = "imagenet_val_set",
            MturkFile = Mturk + "imagenet_mturk.json", MturkIdKind = MturkIdKind.ValidationImageNumber,
            OriginalLabelsFile = Labels + "imagenet_val_set_original_labels.npy",
            PredictedLabelsFile = Predicted + "imagenet_val_set_pyx_argmax_predicted_labels.npy",
            IndexFile = Indexing + "imagenet_val_set_index_to_filepath.json",
            ContentNote = string.Format(System.Globalization.CultureInfo.InvariantCulture, UserFolderNote, "ILSVRC2012 validation images (val/<wnid>/…JPEG)"),
            Source = "https://image-net.org/challenges/LSVRC/2012/ (validation set)",
            Licence = "ImageNet terms of access (non-commercial research and education). " + StudyLicence,
            Citation = "O. Russakovsky et al. ImageNet Large Scale Visual Recognition Challenge. IJCV 115(3), 2015.",
            Paper = new(5_440, 5_440, 2_916, null, 5.83m),
        },
        new()
        {
            Slug = "quickdraw", Name = "QuickDraw", Modality = StudyModality.Image, VoteForm = VoteForm.GivenGuessedNeitherBoth,
            TestSetSize = 50_426_266, ClassNamesKey = "quickdraw",
            MturkFile = Mturk + "quickdraw_mturk.json",
            ContentNote = "Drawings are not bundled: the ids index the 345 numpy_bitmap class files concatenated in file-name order.",
            Source = "https://github.com/googlecreativelab/quickdraw-dataset (numpy_bitmap)",
            Licence = "CC BY 4.0 (Google). " + StudyLicence,
            Citation = "J. Jongejan, H. Rowley, T. Kawashima, J. Kim, N. Fox-Gieg. The Quick, Draw! A.I. Experiment. 2016.",
            Paper = new(6_825_383, 2_500, 1_870, 5_105_386, 10.12m),
        },
        new()
        {
            Slug = "20news", Name = "20 Newsgroups", Modality = StudyModality.Text, VoteForm = VoteForm.GivenGuessedNeitherBoth,
            TestSetSize = 7_532, ClassNamesKey = "20news_test_set",
            MturkFile = Mturk + "20news_mturk.json",
            OriginalLabelsFile = Labels + "20news_test_set_original_labels.npy",
            PredictedLabelsFile = Predicted + "20news_test_set_pyx_argmax_predicted_labels.npy",
            PredProbsFile = Probabilities + "20news_test_set_pyx.npy",
            IndexFile = "content/20news/test_index_to_filename.json",
            ContentArchive = "content/20news/20news-bydate-test.tar.gz",
            ContentPathPrefix = "20news-bydate-test/",
            Source = "http://qwone.com/~jason/20Newsgroups/ (20news-bydate, test split)",
            Licence = "No stated licence (research use); K. Lang, J. Rennie. " + StudyLicence,
            Citation = "K. Lang. NewsWeeder: Learning to Filter Netnews. ICML 1995.",
            Paper = new(93, 93, 82, null, 1.11m),
            FiguresNote = "82 / 7,532 = 1.09 %; the paper prints 1.11 %.",
        },
        new()
        {
            Slug = "imdb", Name = "IMDB", Modality = StudyModality.Text, VoteForm = VoteForm.ImdbSentiment,
            TestSetSize = 25_000, ClassNamesKey = "imdb_test_set",
            MturkFile = Mturk + "imdb_mturk.json", MturkIdKind = MturkIdKind.ReviewFile,
            OriginalLabelsFile = Labels + "imdb_test_set_original_labels.npy",
            PredictedLabelsFile = Predicted + "imdb_test_set_pyx_argmax_predicted_labels.npy",
            PredProbsFile = Probabilities + "imdb_test_set_pyx.npy",
            IndexFile = Indexing + "imdb_test_set_index_to_filename.json",
            ContentArchive = "content/imdb/aclImdb_test.tar.gz",
            ContentPathPrefix = "test/",
            ContentNote = "The study's index file names some review files more than once (24,799 distinct files for 25,000 indices); each index shows the file it names.",
            Source = "https://ai.stanford.edu/~amaas/data/sentiment/ (aclImdb v1.0, test split)",
            Licence = "No stated licence (research use); cite Maas et al. 2011. " + StudyLicence,
            Citation = "A. L. Maas, R. E. Daly, P. T. Pham, D. Huang, A. Y. Ng, C. Potts. Learning Word Vectors for Sentiment Analysis. ACL 2011.",
            Paper = new(1_310, 1_310, 725, null, 2.9m),
        },
        new()
        {
            Slug = "amazon", Name = "Amazon Reviews", Modality = StudyModality.Text, VoteForm = VoteForm.AmazonSentiment,
            TestSetSize = 10_000_000, ClassNamesKey = "amazon",
            MturkFile = Mturk + "amazon_mturk.json",
            ContentNote = "Review texts are not bundled.",
            Source = "https://snap.stanford.edu/data/web-Amazon.html",
            Licence = "No stated licence (research use); cite McAuley & Leskovec 2013. " + StudyLicence,
            Citation = "J. McAuley, J. Leskovec. Hidden Factors and Hidden Topics: Understanding Rating Dimensions with Review Text. RecSys 2013.",
            Paper = new(533_249, 1_000, 732, 390_338, 3.9m),
        },
        new()
        {
            Slug = "audioset", Name = "AudioSet", Modality = StudyModality.Audio, VoteForm = VoteForm.AudioSetMultiLabel,
            TestSetSize = 20_371, ClassNamesKey = "audioset_eval_set",
            MturkFile = Mturk + "audioset_mturk.json",
            OriginalLabelsFile = Labels + "audioset_eval_set_original_labels.npy",
            PredictedLabelsFile = Predicted + "audioset_eval_set_pyx_argmax_predicted_labels.npy",
            IndexFile = Indexing + "audioset_eval_set_index_to_youtube_id.json",
            ContentNote = "Ten-second YouTube clips (links only; some videos are no longer online).",
            Source = "https://research.google.com/audioset/ (evaluation set)",
            Licence = "CC BY 4.0 (labels, Google); clips belong to their YouTube uploaders. " + StudyLicence,
            Citation = "J. F. Gemmeke et al. Audio Set: An ontology and human-labeled dataset for audio events. ICASSP 2017.",
            Paper = new(307, 307, 275, null, 1.35m),
        },
    ];

    /// <summary>
    /// What the released data shows about Caltech-256 (see docs): the paper checked a 400-example sample; the released
    /// file holds 2,360 checked rows, none of them marked as that sample.
    /// </summary>
    public const string CaltechNote =
        "The paper reports 400 of the 4,643 CL-guessed examples checked (8.6 %), 65 validated. The released file holds 2,360 checked rows " +
        "(all with a guessed label equal to the model's argmax prediction and different from the given label; 50.8 % of 4,643), " +
        "of which 458 are validated by the same rule; nothing in the file marks the paper's 400-row sample, so both figures are shown. " +
        "The label arrays hold 29,780 entries: the 30,607 images without the 827 of class 257.clutter.";

    public static StudyDataset Get(string slug) =>
        All.FirstOrDefault(d => d.Slug == slug) ?? throw new ArgumentException($"Unknown study dataset '{slug}'", nameof(slug));

    public static int SortOrder(StudyDataset dataset)
    {
        for (var i = 0; i < All.Count; i++)
            if (ReferenceEquals(All[i], dataset))
                return i + 1;
        return All.Count + 1;
    }
}
