using System.Text.RegularExpressions;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>
/// The status history is written by an interceptor that sees tracked entities only: a bulk update (ExecuteUpdate) that
/// changed a child's or a program's status would leave no history row. The only bulk writes of Status allowed are the row
/// locks that set it to itself.
/// </summary>
public sealed class StatusHistorySourceTests
{
    [Fact]
    public void No_bulk_update_changes_a_child_or_program_status()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "backend", "src", "Elimu.Api"))) root = root.Parent;
        Assert.NotNull(root);
        var source = Path.Combine(root.FullName, "backend", "src", "Elimu.Api");
        var statusWrite = new Regex(@"SetProperty\(\s*(\w+)\s*=>\s*\1\.Status\s*,\s*(?<value>[^)]*\)?)");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("SponsoredChildren") && !text.Contains("SponsorshipPrograms")) continue;
            foreach (Match m in statusWrite.Matches(text))
                if (!Regex.IsMatch(m.Groups["value"].Value, @"^\s*(\w+)\s*=>\s*\1\.Status\s*\)?\s*$"))
                    offenders.Add($"{Path.GetFileName(file)}: {m.Value}");
        }
        Assert.Empty(offenders);
    }
}
