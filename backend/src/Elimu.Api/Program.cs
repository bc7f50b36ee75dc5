using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners;
using Elimu.Api.Payments;
using Elimu.Api.Platform;
using Elimu.Api.Platform.Identity;

var builder = WebApplication.CreateBuilder(args);
// No JSON body of this API comes near 1 MB; the enrollment upload raises its own limit (ImportUploadForm).
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddElimuDatabase(builder.Configuration);
builder.Services.AddElimuApiConventions();
builder.Services.AddElimuHealthChecks();
builder.Services.AddPlatform(builder.Configuration);
builder.Services.AddPartnerDashboard();
builder.Services.AddPaymentGateways(builder.Configuration);
builder.Services.AddAi(builder.Configuration);
builder.Services.AddElimuRealtime(builder.Configuration);
builder.Services.AddElimuTrustedProxies();
builder.Services.AddElimuHsts();
builder.Services.AddElimuStaticAssets();

var app = builder.Build();

if (DatabaseCommands.CommandIn(args) is { } command) return await DatabaseCommands.RunAsync(app, command, args);
if (app.Configuration.GetValue<bool>("Elimu:PrepareDatabase")) await DatabaseCommands.PrepareAsync(app);

// First, so everything after it (rate limits, audit, consent records) sees the client a trusted proxy names.
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseElimuSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseElimuStaticAssets();
app.UseAuthentication();
app.UseElimuAntiforgery();
app.UseAuthorization();
app.UseElimuRealtimeOwnership();
app.UseRateLimiter();
app.UseMiddleware<QueryStringGuard>();

app.MapElimuHealth();
app.MapElimuApiDocs();
app.MapPlatformApis();
app.MapPartnerApis();
app.MapPaymentCallbacks();
app.MapAiApis();
app.MapSpaFallback();

await app.RunAsync();
return 0;

public partial class Program;
