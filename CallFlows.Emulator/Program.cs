using CallFlows.Emulator.Cli;

return await EmulatorCli.RunAsync(args, Console.Out, Console.Error);
