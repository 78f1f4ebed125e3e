using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace CallFlows.Tests.Flows;

/// <summary>The deployable artifact: the Worker SDK's functions.metadata must list every function of the app with its trigger.</summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void FunctionsMetadata_BuiltApp_ListsEveryFunctionWithItsTrigger()
    {
        var metadataPath = FindMetadata();
        using var document = JsonDocument.Parse(File.ReadAllText(metadataPath));
        var listed = document.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).ToList());

        // The app's own functions and those of the runtime library it references: the worker SDK indexes both.
        var declared = new[] { typeof(IncomingCallTrigger).Assembly, typeof(CallFlows.Functions.Flows.InboundRoutingFlow).Assembly }.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        declared.Should().HaveCountGreaterThan(20);
        listed.Keys.Should().BeEquivalentTo(declared.Select(d => d.Attribute!.Name), metadataPath);
        foreach (var (method, attribute) in declared)
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttributes().Select(a => a.GetType().Name).FirstOrDefault(n => n.EndsWith("TriggerAttribute", StringComparison.Ordinal)))
                .Single(n => n is not null)!;
            var expected = char.ToLowerInvariant(trigger[0]) + trigger[1..^"Attribute".Length];
            listed[attribute!.Name].Should().Contain(expected, $"{attribute.Name} is declared with [{trigger}]");
        }
    }

    private static string FindMetadata()
    {
        // The test project builds CallFlows.Functions in the same configuration; its output holds the metadata.
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "CallFlows.Functions", "bin", configuration, "net10.0", "functions.metadata");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("functions.metadata of CallFlows.Functions was not found next to the repository's build output.");
    }
}
