using System.Text.Json;

namespace CallFlows.Tests.CallAutomation;

/// <summary>Semantic JSON equality (object key order ignored, numbers compared by value) with a path to the first difference.</summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonElement expected, JsonElement actual, string because = "")
    {
        var difference = FindDifference(expected, actual, "$");
        difference.Should().BeNull($"the JSON must match {because}\nexpected: {expected.GetRawText()}\nactual:   {actual.GetRawText()}");
    }

    public static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBool(expected) && IsBool(actual) && expected.GetBoolean() == actual.GetBoolean()))
        {
            return $"{path}: {expected.ValueKind} vs {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
                if (!expectedNames.SetEquals(actualNames))
                {
                    return $"{path}: keys [{string.Join(",", expectedNames.Order())}] vs [{string.Join(",", actualNames.Order())}]";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (FindDifference(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: length {expected.GetArrayLength()} vs {actual.GetArrayLength()}";
                }

                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    if (FindDifference(expected[i], actual[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return expected.GetDecimal() == actual.GetDecimal() ? null : $"{path}: {expected} vs {actual}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: '{expected.GetString()}' vs '{actual.GetString()}'";
            default:
                return null;
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;
}
