namespace LabelErrors.Web.Api.Naming;

/// <summary>
/// The property's name in the snake_case answers of the previous release where it is not simply the snake_case form
/// of its name (the vote tally's <c>labels</c>, now <c>labelVotes</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LegacyJsonNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
