using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// The band colours of the consensus categories on link-preview cards, by the study's category names. Kept in Core
/// (not tied to the data model's enum) so the renderer has no database dependency.
/// </summary>
public static class ConsensusColours
{
    public static readonly Rgb24 NotAnError = new(0x2e, 0x7d, 0x32);   // green: the given label stands
    public static readonly Rgb24 Correctable = new(0xc6, 0x28, 0x28);  // red: a real label error with a fix
    public static readonly Rgb24 MultiLabel = new(0x6a, 0x1b, 0x9a);   // purple: both labels apply
    public static readonly Rgb24 Neither = new(0xef, 0x6c, 0x00);      // orange: neither label applies
    public static readonly Rgb24 NonAgreement = new(0x54, 0x6e, 0x7a); // slate: workers disagreed
    public static readonly Rgb24 NotChecked = new(0x37, 0x47, 0x4f);   // dark grey: no votes

    public static Rgb24 For(string? category) => category switch
    {
        "NotAnError" => NotAnError,
        "Correctable" => Correctable,
        "MultiLabel" => MultiLabel,
        "Neither" => Neither,
        "NonAgreement" => NonAgreement,
        _ => NotChecked,
    };
}
