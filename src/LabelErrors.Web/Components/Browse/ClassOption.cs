namespace LabelErrors.Web.Components.Browse;

/// <summary>A class in the given/guessed class pickers.</summary>
public sealed record ClassOption(int Index, string Name)
{
    public override string ToString() => Name;
}
