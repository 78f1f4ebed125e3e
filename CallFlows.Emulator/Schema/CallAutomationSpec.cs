using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Schema;

/// <summary>
/// The Call Automation OpenAPI 2.0 spec (api-version 2026-03-12) and its Common definitions, embedded from
/// <c>reference/acs-callautomation</c>, with a validator for the subset of Swagger 2.0 schema keywords the spec uses:
/// <c>$ref</c> (also the relative ref into <c>common.json</c>), <c>allOf</c>, <c>discriminator</c> /
/// <c>x-ms-discriminator-value</c>, <c>type</c>, <c>format</c> (int32/int64), <c>required</c>, <c>enum</c>,
/// <c>properties</c>, <c>additionalProperties</c> (schema form), <c>items</c>, <c>minimum</c>/<c>maximum</c>,
/// <c>minLength</c>/<c>maxLength</c>, <c>minItems</c>/<c>maxItems</c>.
/// </summary>
/// <remarks>
/// Unknown properties are accepted even where the spec says <c>additionalProperties: false</c>, because whether the
/// real service rejects them is not documented (PROTOCOL.md §1) and clients newer than the spec may send more fields.
/// Pass <c>strictAdditionalProperties: true</c> to <see cref="Validate(JsonNode?, string, bool)"/> to check them too.
/// </remarks>
public sealed class CallAutomationSpec
{
    private const string MainDocument = "communicationservicescallautomation.json";
    private const string CommonDocument = "common.json";

    private static readonly Lazy<CallAutomationSpec> Shared = new(Load);

    private readonly Dictionary<string, JsonNode> _documents;

    private CallAutomationSpec(Dictionary<string, JsonNode> documents) => _documents = documents;

    /// <summary>The spec loaded once per process from the embedded resources.</summary>
    public static CallAutomationSpec Instance => Shared.Value;

    /// <summary>The <c>info.version</c> of the embedded spec (<c>2026-03-12</c>).</summary>
    public string Version => _documents[MainDocument]["info"]?["version"]?.GetValue<string>() ?? string.Empty;

    /// <summary>Whether the spec defines <paramref name="definitionName"/> under <c>definitions</c>.</summary>
    /// <param name="definitionName">A definition name such as <c>AddParticipantRequest</c>.</param>
    public bool HasDefinition(string definitionName) => _documents[MainDocument]["definitions"]?[definitionName] is not null;

    /// <summary>Validates <paramref name="value"/> against the spec definition <paramref name="definitionName"/>.</summary>
    /// <param name="value">The JSON value (null means JSON null or absent).</param>
    /// <param name="definitionName">A definition of the Call Automation spec, e.g. <c>CreateCallRequest</c> or <c>CallConnected</c>.</param>
    /// <param name="strictAdditionalProperties">Also report properties a schema with <c>additionalProperties: false</c> does not declare.</param>
    /// <returns>The violations, empty when the value conforms.</returns>
    public IReadOnlyList<SchemaViolation> Validate(JsonNode? value, string definitionName, bool strictAdditionalProperties = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(definitionName);
        if (!HasDefinition(definitionName))
        {
            throw new ArgumentException($"The spec has no definition '{definitionName}'.", nameof(definitionName));
        }

        var errors = new List<SchemaViolation>();
        var schema = new JsonObject { ["$ref"] = "#/definitions/" + definitionName };
        ValidateNode(value, schema, MainDocument, string.Empty, errors, strictAdditionalProperties, depth: 0);
        return errors;
    }

    private static CallAutomationSpec Load()
    {
        var assembly = typeof(CallAutomationSpec).Assembly;
        return new CallAutomationSpec(new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            [MainDocument] = ReadResource(assembly, MainDocument),
            [CommonDocument] = ReadResource(assembly, CommonDocument),
        });
    }

    private static JsonNode ReadResource(Assembly assembly, string fileName)
    {
        var name = "CallFlows.Emulator.Schema." + fileName;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"Embedded resource '{name}' is empty.");
    }

    private (JsonObject Schema, string Document) Resolve(string reference, string currentDocument)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash <= 0 ? string.Empty : reference[..hash];
        var pointer = hash < 0 ? string.Empty : reference[(hash + 1)..];
        var document = file.Length == 0 ? currentDocument : file[(file.LastIndexOf('/') + 1)..];
        if (!_documents.TryGetValue(document, out var root))
        {
            throw new InvalidOperationException($"Unresolvable $ref '{reference}': document '{document}' is not embedded.");
        }

        JsonNode? node = root;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node is JsonObject schema
            ? (schema, document)
            : throw new InvalidOperationException($"Unresolvable $ref '{reference}'.");
    }

    private void ValidateNode(JsonNode? value, JsonObject schema, string document, string path, List<SchemaViolation> errors, bool strict, int depth)
    {
        if (depth > 64)
        {
            errors.Add(new SchemaViolation(path, "is nested too deeply."));
            return;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var (target, targetDocument) = Resolve(reference, document);
            ValidateNode(value, target, targetDocument, path, errors, strict, depth + 1);
            return;
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var part in allOf.OfType<JsonObject>())
            {
                // Parts of allOf contribute properties; the closed-world check belongs to the composed schema, not each part.
                ValidateNode(value, part, document, path, errors, strict: false, depth + 1);
            }
        }

        if (value is null)
        {
            // JSON null or absent: only "required" (checked by the parent) makes that an error.
            return;
        }

        var type = schema["type"]?.GetValue<string>();
        if (type is not null && !HasType(value, type))
        {
            errors.Add(new SchemaViolation(path, $"must be of type {type}, but was {Describe(value)}."));
            return;
        }

        if (schema["enum"] is JsonArray allowed && value is JsonValue enumValue && enumValue.TryGetValue<string>(out var text)
            && !allowed.Any(a => string.Equals(a?.GetValue<string>(), text, StringComparison.Ordinal)))
        {
            errors.Add(new SchemaViolation(path, $"must be one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}, but was '{text}'."));
        }

        switch (value)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, document, path, errors, strict, depth);
                break;
            case JsonArray array:
                ValidateArray(array, schema, document, path, errors, strict, depth);
                break;
            case JsonValue scalar:
                ValidateScalar(scalar, schema, path, errors);
                break;
        }
    }

    private void ValidateObject(JsonObject obj, JsonObject schema, string document, string path, List<SchemaViolation> errors, bool strict, int depth)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()))
            {
                if (obj[name] is null)
                {
                    errors.Add(new SchemaViolation(Join(path, name), "is required."));
                }
            }
        }

        var properties = schema["properties"] as JsonObject;
        if (properties is not null)
        {
            foreach (var (name, propertySchema) in properties)
            {
                if (obj.TryGetPropertyValue(name, out var propertyValue) && propertySchema is JsonObject ps
                    && ps["readOnly"]?.GetValue<bool>() != true)
                {
                    ValidateNode(propertyValue, ps, document, Join(path, name), errors, strict, depth + 1);
                }
            }
        }

        var additional = schema["additionalProperties"];
        foreach (var (name, propertyValue) in obj)
        {
            if (properties?.ContainsKey(name) == true)
            {
                continue;
            }

            if (additional is JsonObject additionalSchema)
            {
                ValidateNode(propertyValue, additionalSchema, document, Join(path, name), errors, strict, depth + 1);
            }
            else if (strict && additional is JsonValue closed && closed.TryGetValue<bool>(out var allowedExtra) && !allowedExtra
                     && schema["allOf"] is null && schema["discriminator"] is null)
            {
                errors.Add(new SchemaViolation(Join(path, name), "is not a property of this object."));
            }
        }

        // Polymorphic schemas (MediaStreamingOptions, TranscriptionOptions, PlaySource...): validate the subtype too.
        if (schema["discriminator"]?.GetValue<string>() is { } discriminator
            && obj[discriminator] is JsonValue discriminatorValue && discriminatorValue.TryGetValue<string>(out var kind))
        {
            var subtype = FindSubtype(schema, document, kind);
            if (subtype is not null)
            {
                ValidateNode(obj, new JsonObject { ["properties"] = subtype["properties"]?.DeepClone(), ["required"] = subtype["required"]?.DeepClone() },
                    document, path, errors, strict, depth + 1);
            }
        }
    }

    private JsonObject? FindSubtype(JsonObject baseSchema, string document, string discriminatorValue)
    {
        if (_documents[document]["definitions"] is not JsonObject definitions)
        {
            return null;
        }

        foreach (var (name, definition) in definitions)
        {
            if (definition is not JsonObject candidate || candidate["allOf"] is not JsonArray parts)
            {
                continue;
            }

            var value = candidate["x-ms-discriminator-value"]?.GetValue<string>() ?? name;
            if (!string.Equals(value, discriminatorValue, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var part in parts.OfType<JsonObject>())
            {
                if (part["$ref"]?.GetValue<string>() is { } reference && ReferenceEquals(Resolve(reference, document).Schema, baseSchema))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private void ValidateArray(JsonArray array, JsonObject schema, string document, string path, List<SchemaViolation> errors, bool strict, int depth)
    {
        if (schema["minItems"] is JsonValue minItems && array.Count < minItems.GetValue<int>())
        {
            errors.Add(new SchemaViolation(path, $"must have at least {minItems} item(s)."));
        }

        if (schema["maxItems"] is JsonValue maxItems && array.Count > maxItems.GetValue<int>())
        {
            errors.Add(new SchemaViolation(path, $"must have at most {maxItems} item(s)."));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is null)
                {
                    errors.Add(new SchemaViolation($"{path}[{i}]", "must not be null."));
                    continue;
                }

                ValidateNode(array[i], items, document, $"{path}[{i}]", errors, strict, depth + 1);
            }
        }
    }

    private static void ValidateScalar(JsonValue scalar, JsonObject schema, string path, List<SchemaViolation> errors)
    {
        if (scalar.GetValueKind() == JsonValueKind.Number)
        {
            var number = scalar.GetValue<double>();
            if (schema["minimum"] is JsonValue min && number < min.GetValue<double>())
            {
                errors.Add(new SchemaViolation(path, $"must be at least {min}, but was {Format(number)}."));
            }

            if (schema["maximum"] is JsonValue max && number > max.GetValue<double>())
            {
                errors.Add(new SchemaViolation(path, $"must be at most {max}, but was {Format(number)}."));
            }

            var format = schema["format"]?.GetValue<string>();
            if (format == "int32" && (number < int.MinValue || number > int.MaxValue))
            {
                errors.Add(new SchemaViolation(path, "must fit in a 32-bit integer."));
            }
        }
        else if (scalar.TryGetValue<string>(out var text))
        {
            if (schema["minLength"] is JsonValue minLength && text.Length < minLength.GetValue<int>())
            {
                errors.Add(new SchemaViolation(path, $"must be at least {minLength} character(s) long."));
            }

            if (schema["maxLength"] is JsonValue maxLength && text.Length > maxLength.GetValue<int>())
            {
                errors.Add(new SchemaViolation(path, $"must be at most {maxLength} character(s) long."));
            }
        }
    }

    private static bool HasType(JsonNode value, string type)
    {
        var kind = value.GetValueKind();
        return type switch
        {
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && IsInteger(value.GetValue<double>()),
            _ => true,
        };
    }

    private static bool IsInteger(double number) => Math.Abs(number % 1) < double.Epsilon;

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => IsInteger(value.GetValue<double>()) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
