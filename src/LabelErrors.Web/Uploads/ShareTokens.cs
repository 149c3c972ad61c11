using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LabelErrors.Web.Uploads;

/// <summary>Share tokens (128 random bits) and owner keys (256 random bits), base64url; only the key's hash is stored.</summary>
public static class ShareTokens
{
    public static string NewShareToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string NewOwnerKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string ownerKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ownerKey)));

    public static bool Matches(string? ownerKey, string storedHash) =>
        !string.IsNullOrEmpty(ownerKey)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(ownerKey)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>
    /// The dataset slug of an upload: <c>u-</c> and the token's 128 bits in lowercase hex, because slugs (URLs of the
    /// gallery and the image endpoint) are lowercase. As secret as the token itself.
    /// </summary>
    public static string Slug(string token) => "u-" + Convert.ToHexStringLower(Base64Url.DecodeFromChars(token));

    /// <summary>The share token of an upload's slug, or null when the slug is not an upload's.</summary>
    public static string? TokenOfSlug(string slug)
    {
        if (!slug.StartsWith("u-", StringComparison.Ordinal) || slug.Length != 34 || !slug[2..].All(char.IsAsciiHexDigitLower))
            return null;
        return Base64Url.EncodeToString(Convert.FromHexString(slug[2..]));
    }

    /// <summary>True when <paramref name="token"/> could be a share token (22 base64url characters): others never reach the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
