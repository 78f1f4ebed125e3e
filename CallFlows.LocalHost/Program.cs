using CallFlows.LocalHost.Cli;

return await CliApplication.RunAsync(args);
