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

    /// <summary>True when <paramref name="token"/> could be a share token (22 base64url characters): others never reach the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 22 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
