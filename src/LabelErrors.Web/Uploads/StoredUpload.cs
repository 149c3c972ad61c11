namespace LabelErrors.Web.Uploads;

/// <summary>An upload this browser remembers in local storage (see wwwroot/js/uploads.js).</summary>
public sealed record StoredUpload(string Token, string Name, string OwnerKey, string CreatedAt);
