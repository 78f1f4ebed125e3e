using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CallFlows.Tests.CallAutomation;

/// <summary>
/// Validates JSON against the Swagger 2.0 spec copy in reference/ for the subset of JSON schema that spec uses:
/// <c>$ref</c> (local and relative into Common), <c>allOf</c>, <c>type</c>, <c>format</c> int32, <c>required</c>, <c>enum</c>,
/// <c>properties</c>, <c>additionalProperties</c> (false or a schema), <c>items</c>, <c>minimum</c>/<c>maximum</c>,
/// and <c>readOnly</c> (a read-only property in a request is an error). Also maps an operation to its body schema.
/// </summary>
internal sealed class SwaggerSchemaValidator
{
    private readonly Dictionary<string, JsonDocument> _documents = new(StringComparer.Ordinal);
    private readonly string _rootPath;

    public SwaggerSchemaValidator(string specPath)
    {
        _rootPath = Path.GetFullPath(specPath);
        Load(_rootPath);
    }

    public JsonElement Root => _documents[_rootPath].RootElement;

    /// <summary>Finds the operation of a method and concrete path (e.g. <c>/calling/callConnections/conn-1:terminate</c>).</summary>
    public (string Template, JsonElement Operation) FindOperation(string method, string path)
    {
        foreach (var pathItem in Root.GetProperty("paths").EnumerateObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(pathItem.Name), @"\\\{[^}]+}", "[^/:]+") + "$";
            if (Regex.IsMatch(path, pattern) && pathItem.Value.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                return (pathItem.Name, operation);
            }
        }

        throw new InvalidOperationException($"No operation {method} {path} in the spec.");
    }

    /// <summary>The header parameter names the operation declares.</summary>
    public IReadOnlySet<string> HeaderParameters(JsonElement operation) =>
        Parameters(operation).Where(p => p.GetProperty("in").GetString() == "header")
            .Select(p => p.GetProperty("name").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body schema of an operation, or null when it takes no body.</summary>
    public (string File, JsonElement Schema)? BodySchema(JsonElement operation)
    {
        var body = Parameters(operation).FirstOrDefault(p => p.GetProperty("in").GetString() == "body");
        return body.ValueKind == JsonValueKind.Undefined ? null : (_rootPath, body.GetProperty("schema"));
    }

    /// <summary>The schema of a response status, or null.</summary>
    public (string File, JsonElement Schema)? ResponseSchema(JsonElement operation, string status) =>
        operation.GetProperty("responses").TryGetProperty(status, out var response) && response.TryGetProperty("schema", out var schema)
            ? (_rootPath, schema)
            : null;

    /// <summary>Validates an instance; returns every violation with its JSON path (empty when valid).</summary>
    public IReadOnlyList<string> Validate((string File, JsonElement Schema) schema, JsonElement instance, bool isRequest)
    {
        var errors = new List<string>();
        Validate(schema.File, schema.Schema, instance, "$", isRequest, errors);
        return errors;
    }

    private IEnumerable<JsonElement> Parameters(JsonElement operation)
    {
        foreach (var parameter in operation.GetProperty("parameters").EnumerateArray())
        {
            yield return parameter.TryGetProperty("$ref", out var reference) ? Resolve(_rootPath, reference.GetString()!).Schema : parameter;
        }
    }

    private void Validate(string file, JsonElement schema, JsonElement instance, string path, bool isRequest, List<string> errors, bool checkAdditional = true)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var (refFile, target) = Resolve(file, reference.GetString()!);
            Validate(refFile, target, instance, path, isRequest, errors, checkAdditional);
            return;
        }

        // allOf parts are checked without their additionalProperties rule: the combined schema declares more properties.
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Validate(file, part, instance, path, isRequest, errors, checkAdditional: false);
            }
        }

        if (schema.TryGetProperty("type", out var typeElement) && !MatchesType(typeElement.GetString()!, instance))
        {
            errors.Add($"{path}: expected {typeElement.GetString()}, got {instance.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ValueKind == instance.ValueKind && v.GetRawText() == instance.GetRawText()))
        {
            errors.Add($"{path}: {instance.GetRawText()} is not one of {values.GetRawText()}");
        }

        if (instance.ValueKind == JsonValueKind.Number)
        {
            var number = instance.GetDecimal();
            if (schema.TryGetProperty("minimum", out var minimum) && number < minimum.GetDecimal())
            {
                errors.Add($"{path}: {number} < minimum {minimum.GetDecimal()}");
            }

            if (schema.TryGetProperty("maximum", out var maximum) && number > maximum.GetDecimal())
            {
                errors.Add($"{path}: {number} > maximum {maximum.GetDecimal()}");
            }

            if (schema.TryGetProperty("format", out var format) && format.GetString() == "int32" && !instance.TryGetInt32(out _))
            {
                errors.Add($"{path}: {number} is not an int32");
            }
        }

        if (instance.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                Validate(file, items, item, $"{path}[{index++}]", isRequest, errors);
            }
        }

        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!instance.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        var declared = DeclaredProperties(file, schema);
        foreach (var property in instance.EnumerateObject())
        {
            if (declared.TryGetValue(property.Name, out var declaration))
            {
                if (isRequest && declaration.Schema.TryGetProperty("readOnly", out var readOnly) && readOnly.ValueKind == JsonValueKind.True)
                {
                    errors.Add($"{path}.{property.Name}: read-only property sent in a request");
                }

                Validate(declaration.File, declaration.Schema, property.Value, $"{path}.{property.Name}", isRequest, errors);
            }
            else if (checkAdditional && schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{path}: property '{property.Name}' is not allowed (additionalProperties: false)");
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Validate(file, additional, property.Value, $"{path}.{property.Name}", isRequest, errors);
                }
            }
        }
    }

    // Properties of a schema including those inherited through allOf, so additionalProperties:false sees them all.
    private Dictionary<string, (string File, JsonElement Schema)> DeclaredProperties(string file, JsonElement schema)
    {
        var result = new Dictionary<string, (string, JsonElement)>(StringComparer.Ordinal);
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var (refFile, target) = Resolve(file, reference.GetString()!);
            return DeclaredProperties(refFile, target);
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                foreach (var (name, value) in DeclaredProperties(file, part))
                {
                    result[name] = value;
                }
            }
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = (file, property.Value);
            }
        }

        return result;
    }

    private static bool MatchesType(string type, JsonElement instance) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => instance.ValueKind == JsonValueKind.Number && decimal.IsInteger(instance.GetDecimal()),
        "number" => instance.ValueKind == JsonValueKind.Number,
        _ => throw new NotSupportedException($"Schema type '{type}' is outside the supported subset."),
    };

    private (string File, JsonElement Schema) Resolve(string file, string reference)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? string.Empty : reference[(hash + 1)..];
        var targetFile = filePart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, filePart));
        var element = Load(targetFile).RootElement;
        foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (!element.TryGetProperty(name, out element))
            {
                throw new InvalidOperationException($"Unresolvable $ref '{reference}' from {file}.");
            }
        }

        return (targetFile, element);
    }

    private JsonDocument Load(string file)
    {
        if (!_documents.TryGetValue(file, out var document))
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            _documents[file] = document;
        }

        return document;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Swagger validator over {_documents.Count} document(s)");
}
