namespace CallFlows.Tests;

/// <summary>
/// The xunit trait that splits the suite into tiers: <c>dotnet test --filter "Category!=Slow"</c> runs the fast tier
/// (minutes); the slow suites (chaos, overload, benchmark smoke, process restarts and signals) run in the full command.
/// </summary>
internal static class TestCategory
{
    /// <summary>The trait name.</summary>
    public const string Name = "Category";

    /// <summary>Suites that start child processes, kill them or load the machine on purpose.</summary>
    public const string Slow = "Slow";
}
