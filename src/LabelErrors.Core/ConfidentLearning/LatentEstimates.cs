namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// Output of <see cref="Latent.Estimate"/>: the prior of true labels <see cref="Py"/>,
/// <see cref="NoiseMatrix"/>[i, j] = P(label = i | true label = j) and
/// <see cref="InverseNoiseMatrix"/>[i, j] = P(true label = i | label = j).
/// </summary>
public sealed record LatentEstimates(double[] Py, double[,] NoiseMatrix, double[,] InverseNoiseMatrix);
