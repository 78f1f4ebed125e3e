var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => CallFlows.Functions.Ping.Act("hi"));
app.Run();
