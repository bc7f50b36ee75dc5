using Elimu.Api.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddElimuDatabase(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();

public partial class Program;
