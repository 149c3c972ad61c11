using System.Text.Json;

namespace LabelErrors.Web.Tests.Api;

/// <summary>
/// Checks a JSON value against a schema of the generated OpenAPI document: every declared property present, no
/// undeclared one, and each value of the declared type (refs, arrays, nullable type lists, oneOf/anyOf followed).
/// Returns the mismatches as "path: reason" so a failure says where the contract broke.
/// </summary>
internal sealed class OpenApiSchemaChecker(JsonElement document)
{
    public List<string> Check(JsonElement value, JsonElement schema, string path = "$")
    {
        var errors = new List<string>();
        CheckInto(value, schema, path, errors, depth: 0);
        return errors;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            schema = node;
        }
        return schema;
    }

    private void CheckInto(JsonElement value, JsonElement schema, string path, List<string> errors, int depth)
    {
        if (depth > 20)
            return;
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
            return;

        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                var fits = options.EnumerateArray().Any(option => Check(value, option, path).Count == 0);
                if (!fits)
                    errors.Add($"{path}: matches none of {combinator}");
                return;
            }
        }

        var types = TypesOf(schema);
        if (types.Count > 0 && !types.Contains(KindName(value)) && !(KindName(value) == "integer" && types.Contains("number")))
        {
            errors.Add($"{path}: is {KindName(value)}, schema says {string.Join("|", types)}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            var declared = properties.EnumerateObject().Select(p => p.Name).ToHashSet();
            foreach (var property in value.EnumerateObject())
            {
                if (!declared.Contains(property.Name))
                    errors.Add($"{path}.{property.Name}: not in the schema");
            }
            foreach (var property in properties.EnumerateObject())
            {
                if (!value.TryGetProperty(property.Name, out var child))
                    errors.Add($"{path}.{property.Name}: declared but missing");
                else
                    CheckInto(child, property.Value, $"{path}.{property.Name}", errors, depth + 1);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("additionalProperties", out var additional))
        {
            foreach (var property in value.EnumerateObject())
                CheckInto(property.Value, additional, $"{path}.{property.Name}", errors, depth + 1);
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var element in value.EnumerateArray())
                CheckInto(element, items, $"{path}[{i++}]", errors, depth + 1);
        }
    }

    private static HashSet<string> TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return [];
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet()
            : [type.GetString()!];
    }

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
