
namespace CallFlows.LocalHost.Cli;

/// <summary>Dispatches the first argument to the <see cref="ICliCommand"/> of that name.</summary>
public static class CliApplication
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">Process arguments: verb first.</param>
    /// <returns>The exit code: 0 success, 2 usage error, else the verb's.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        List<ICliCommand> commands = typeof(CliApplication).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(commands);
            return args.Length == 0 ? 2 : 0;
        }

        ICliCommand? command = commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            PrintHelp(commands);
            return 2;
        }

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            ctx =>
            {
                ctx.Cancel = true;
                cts.Cancel();
            });
        try
        {
            return await command.RunAsync(new CliArguments(args[1..]), cts.Token);
        }
        catch (CliUsageException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine($"usage: {command.Name} {command.Usage}");
            return 2;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    static void PrintHelp(IEnumerable<ICliCommand> commands)
    {
        Console.WriteLine("usage: CallFlows.LocalHost <command> [options]");
        foreach (ICliCommand c in commands)
        {
            Console.WriteLine($"  {c.Name,-8} {c.Description}");
            Console.WriteLine($"           {c.Name} {c.Usage}");
        }
    }
}
