using LabelErrors.Data.Entities;
using MudBlazor;

namespace LabelErrors.Web.Components.Shared;

public static class ModalityIcons
{
    public static string For(Modality modality) => modality switch
    {
        Modality.Image => Icons.Material.Filled.Image,
        Modality.Text => Icons.Material.Filled.Article,
        Modality.Audio => Icons.Material.Filled.Audiotrack,
        _ => Icons.Material.Filled.Dataset,
    };
}
