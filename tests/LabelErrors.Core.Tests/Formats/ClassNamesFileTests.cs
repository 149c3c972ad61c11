using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public class ClassNamesFileTests
{
    [Fact]
    public void Text_file_has_one_trimmed_name_per_line()
    {
        Assert.Equal(["cat", "dog house", "bird"], ClassNamesFile.ReadText(new StringReader("cat\r\n dog house \nbird\n\n"), "c.txt"));
    }

    [Fact]
    public void Json_file_is_an_array_of_strings()
    {
        Assert.Equal(["0", "1", "ünï"], ClassNamesFile.ReadJson(new StringReader("[\"0\", \"1\", \"ünï\"]"), "c.json"));
    }

    [Theory]
    [InlineData("{\"mnist\": [\"0\"]}", "c.json: expected a JSON array of class names; this is an object, select one of its arrays with FILE#KEY (keys: mnist)")]
    [InlineData("\"cat\"", "c.json: expected a JSON array of class names, e.g. [\"cat\", \"dog\"]")]
    [InlineData("[\"a\", 3]", "c.json: element 2 of the array is not a string")]
    [InlineData("[\"a\", \"b\", \"a\"]", "c.json: element 3: class name 'a' already appears at element 1")]
    [InlineData("[]", "c.json: no class names")]
    public void Json_problems_are_explained(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<LabelErrorsInputException>(() => ClassNamesFile.ReadJson(new StringReader(json), "c.json")).Message);
    }

    [Fact]
    public void Duplicate_names_in_text_file_name_the_line()
    {
        var error = Assert.Throws<LabelErrorsInputException>(() => ClassNamesFile.ReadText(new StringReader("a\nb\na\n"), "c.txt"));

        Assert.Equal("c.txt: row 3: class name 'a' already appears at line 1", error.Message);
    }

    [Fact]
    public void Invalid_json_is_an_input_error()
    {
        var error = Assert.Throws<LabelErrorsInputException>(() => ClassNamesFile.ReadJson(new StringReader("[\"a\",\n"), "c.json"));

        Assert.StartsWith("c.json: row ", error.Message);
        Assert.Contains("invalid JSON", error.Message);
    }

    [Fact]
    public void Files_are_chosen_by_extension()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var json = Path.Combine(dir.FullName, "names.json");
            var txt = Path.Combine(dir.FullName, "names.txt");
            File.WriteAllText(json, "[\"x\", \"y\"]");
            File.WriteAllText(txt, "[\"x\", \"y\"]\n");

            Assert.Equal(["x", "y"], ClassNamesFile.Read(json));
            Assert.Equal(["[\"x\", \"y\"]"], ClassNamesFile.Read(txt));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Hash_key_selects_an_array_of_a_json_object()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var json = Path.Combine(dir.FullName, "classes.json");
            File.WriteAllText(json, "{\"mnist\": [\"0\", \"1\"], \"pets\": [\"cat\", \"dog\"]}");

            Assert.Equal(["cat", "dog"], ClassNamesFile.Read(json + "#pets"));
            Assert.Equal($"{json}#birds: no key 'birds'; keys are mnist, pets",
                Assert.Throws<LabelErrorsInputException>(() => ClassNamesFile.Read(json + "#birds")).Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [SharedDataFact]
    public void Study_classes_json_gives_cifar10_names()
    {
        var names = ClassNamesFile.Read(SharedData.LabelErrors("classes.json") + "#cifar10_test_set");

        Assert.Equal(10, names.Count);
        Assert.Equal("airplane", names[0]);
        Assert.Equal("truck", names[9]);
    }
}
