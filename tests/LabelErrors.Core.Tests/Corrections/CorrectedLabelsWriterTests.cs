using System.Text;
using System.Text.Json;
using LabelErrors.Core.Corrections;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Tests.Corrections;

public sealed class CorrectedLabelsWriterTests
{
    private static readonly CorrectionInput[] Inputs =
    [
        new(0, 4, null, null, null, StudyCategory.Unchecked, false),
        new(1, 2, 7, 1, 3, StudyCategory.Correctable, true),
        new(2, 1, 8, 0, 1, StudyCategory.Neither, true),
        new(3, 5, 6, 4, 1, StudyCategory.NotAnError, false),
    ];

    private static readonly CorrectionOptions DropNeither = new() { Neither = UncorrectableHandling.Drop };

    private static byte[] Write(CorrectedLabelSet set, CorrectedLabelsFormat format)
    {
        using var stream = new MemoryStream();
        CorrectedLabelsFormatNames.Write(stream, set, "mnist", format);
        return stream.ToArray();
    }

    [Fact]
    public void Csv_has_the_documented_columns_and_leaves_dropped_examples_out()
    {
        var text = Encoding.UTF8.GetString(Write(CorrectionRule.Apply(Inputs, DropNeither), CorrectedLabelsFormat.Csv));
        Assert.Equal("index,original_label,corrected_label,category\n0,4,4,unchecked\n1,2,7,correctable\n3,5,5,not-an-error\n", text);
    }

    [Theory]
    [InlineData(CorrectedLabelsFormat.Csv)]
    [InlineData(CorrectedLabelsFormat.Json)]
    [InlineData(CorrectedLabelsFormat.Npy)]
    public void Same_options_give_the_same_bytes_whatever_the_input_order(CorrectedLabelsFormat format)
    {
        var first = Write(CorrectionRule.Apply(Inputs, DropNeither), format);
        var second = Write(CorrectionRule.Apply(Inputs.Reverse(), DropNeither with { }), format);
        var otherOptions = Write(CorrectionRule.Apply(Inputs, CorrectionOptions.Default), format);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherOptions);
    }

    [Fact]
    public void Json_round_trips_options_counts_and_labels()
    {
        using var doc = JsonDocument.Parse(Write(CorrectionRule.Apply(Inputs, DropNeither), CorrectedLabelsFormat.Json));
        var root = doc.RootElement;

        Assert.Equal(CorrectedLabelsJson.FormatName, root.GetProperty("format").GetString());
        Assert.Equal("mnist", root.GetProperty("dataset").GetString());
        Assert.Equal(3, root.GetProperty("options").GetProperty("min_agreement").GetInt32());
        Assert.Equal("drop", root.GetProperty("options").GetProperty("neither").GetString());
        var counts = root.GetProperty("counts");
        Assert.Equal((4, 3, 1, 2, 1), (counts.GetProperty("examples").GetInt32(), counts.GetProperty("kept").GetInt32(),
            counts.GetProperty("corrected").GetInt32(), counts.GetProperty("unchanged").GetInt32(), counts.GetProperty("dropped").GetInt32()));
        var labels = root.GetProperty("labels").EnumerateArray().ToList();
        Assert.Equal([0L, 1, 3], labels.Select(l => l.GetProperty("index").GetInt64()));
        Assert.Equal([4, 7, 5], labels.Select(l => l.GetProperty("corrected_label").GetInt32()));
        Assert.Equal("correctable", labels[1].GetProperty("category").GetString());
    }

    [Fact]
    public void Npy_is_aligned_with_the_index_and_marks_dropped_examples()
    {
        using var stream = new MemoryStream(Write(CorrectionRule.Apply(Inputs, DropNeither), CorrectedLabelsFormat.Npy));
        var array = Npy.Load(stream, "corrected.npy");

        Assert.Equal([4L], array.Shape);
        Assert.Equal(NpyDataType.Int64, array.DataType);
        Assert.Equal([4L, 7, -1, 5], array.GetData<long>());
    }

    [Fact]
    public void Npy_refuses_a_set_with_gaps()
    {
        var set = CorrectionRule.Apply([Inputs[0], Inputs[2]], CorrectionOptions.Default);
        Assert.False(set.IsContiguous);
        Assert.Throws<InvalidOperationException>(() => Write(set, CorrectedLabelsFormat.Npy));
    }
}
