using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Data;

/// <summary>
/// The keys that sign session cookies and antiforgery tokens, kept where the data is: in a "keys" folder beside the
/// SQLite file, or in the data_protection_keys table on PostgreSQL. So sessions survive a restart and every instance
/// on the same database accepts the others' cookies. The application name is fixed, so the key ring does not depend
/// on the folder the app runs from.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "Elimu";

    public static IServiceCollection AddElimuDataProtection(this IServiceCollection services, DatabaseProvider provider)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (provider == DatabaseProvider.Postgres)
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
            return services;
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (FolderFor(database.ConnectionString) is { } folder)
                o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), sp.GetRequiredService<ILoggerFactory>());
        }));
        return services;
    }

    /// <summary>data/elimu.db → data/keys.</summary>
    public static string? FolderFor(string sqliteConnectionString) =>
        DatabaseOptions.SqliteFolder(sqliteConnectionString) is { } folder ? Path.Combine(folder, "keys") : null;
}
