using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Browse;

/// <summary>The task the Mechanical Turk workers were given, per kind of dataset (as the paper describes it).</summary>
public static class WorkerQuestion
{
    public static string For(BrowseDataset dataset, string given, string guessed) => dataset switch
    {
        { Modality: Modality.Audio } =>
            "Workers listened to the 10-second clip and marked which of the listed labels (the given ones and the ones confident learning guessed) they heard.",
        { HasSentimentVotes: true } =>
            "Workers read the review and chose its sentiment: positive, negative, neutral, or off-topic.",
        // MNIST's workers had no "both" option (mturk/mnist_mturk.json has given, guessed and neither only).
        { Slug: "mnist" } => $"Workers saw the image and chose which label fits it: “{given}”, “{guessed}”, or neither.",
        { Modality: Modality.Text } =>
            $"Workers read the message and chose which topic it belongs to: “{given}”, “{guessed}”, both, or neither.",
        _ => $"Workers saw the image and chose which label fits it: “{given}”, “{guessed}”, both, or neither.",
    };
}
