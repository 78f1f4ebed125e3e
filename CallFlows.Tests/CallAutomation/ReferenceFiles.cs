namespace CallFlows.Tests.CallAutomation;

/// <summary>Locates reference/acs-callautomation by walking up from the test binaries to the folder holding CallFlows.sln.</summary>
internal static class ReferenceFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallFlows.sln")))
            {
                return Path.Combine(directory.FullName, "reference", "acs-callautomation");
            }
        }

        throw new InvalidOperationException($"No CallFlows.sln above {AppContext.BaseDirectory}.");
    });

    public static string Folder => Root.Value;

    public static string SpecPath => Path.Combine(Folder, "CallAutomation", "stable", "2026-03-12", "communicationservicescallautomation.json");

    public static string ExamplesFolder => Path.Combine(Folder, "CallAutomation", "stable", "2026-03-12", "examples");

    public static string CapturesPath => Path.Combine(Folder, "js-sdk-1.6.0-requests.jsonl");
}
