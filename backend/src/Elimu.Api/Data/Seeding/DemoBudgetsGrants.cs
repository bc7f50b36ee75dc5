using Elimu.Api.Partners.Finance.Budgets;
using Elimu.Api.Partners.Finance.Grants;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Tumaini's budget for the current fiscal year (July start, the default) shared between its two programs with some left
/// unallocated, and three grants: an active one with a report submitted, one due soon and one later; an award waiting
/// to start; an application. Mwangaza has none (the second partner's pages start empty).
/// </summary>
internal static class DemoBudgetsGrants
{
    public static void Build(DemoWorld world, DemoPeople people, DemoPrograms programs)
    {
        var partner = people.Partner.Id;
        var year = FiscalYear.Containing(world.Today, FiscalYear.DefaultStartMonth);
        world.Db.PartnerBudgets.Add(new PartnerBudget
        {
            PartnerId = partner, FiscalYear = year.Year, StartMonth = year.StartMonth, Total = 1_500_000m, Currency = "KES",
            CreatedAt = world.At(year.Start, 9), UpdatedAt = world.At(year.Start, 9),
            Allocations =
            [
                new BudgetAllocation { ProgramId = programs.Cohort.Program.Id, Amount = 900_000m },
                new BudgetAllocation { ProgramId = programs.Direct.Program.Id, Amount = 400_000m },
            ],
        });

        var created = world.AtDaysAgo(200);
        var ford = new PartnerGrant
        {
            PartnerId = partner, Funder = "Ford Foundation", Reference = "FF-EA-2026-114", Amount = 2_400_000m, Currency = "KES",
            StartDate = world.Day(180), EndDate = world.Day(-185), Status = GrantStatus.active, CreatedAt = created, UpdatedAt = created,
            Notes = "Digital literacy for Lake Region learners; narrative and financial reports each quarter.",
            Allocations = [new GrantAllocation { ProgramId = programs.Cohort.Program.Id, Amount = 1_800_000m }],
            Deadlines =
            [
                new GrantDeadline { DueDate = world.Day(90), Title = "Q1 narrative and financial report", Submitted = true, SubmittedAt = world.At(world.Day(92), 11) },
                new GrantDeadline { DueDate = world.Day(-5), Title = "Q2 narrative and financial report" },
                new GrantDeadline { DueDate = world.Day(-95), Title = "Q3 narrative and financial report" },
            ],
        };
        ford.Deadlines[0].Reports.Add(new GrantReport
        {
            UploadedBy = partner, FileName = "Q1-report.pdf", ContentType = "application/pdf", CreatedAt = world.At(world.Day(92), 11),
            Content = "%PDF-1.4\n% Tumaini: Q1 report to the Ford Foundation (demo)\n%%EOF\n"u8.ToArray(),
        });
        ford.Deadlines[0].Reports[0].SizeBytes = ford.Deadlines[0].Reports[0].Content.LongLength;
        world.Db.PartnerGrants.AddRange(
            ford,
            new PartnerGrant
            {
                PartnerId = partner, Funder = "Safaricom Foundation", Reference = "SF-EDU-0420", Amount = 750_000m, Currency = "KES",
                StartDate = world.Day(-20), EndDate = world.Day(-385), Status = GrantStatus.awarded, CreatedAt = world.AtDaysAgo(30), UpdatedAt = world.AtDaysAgo(12),
                Allocations = [new GrantAllocation { ProgramId = programs.Direct.Program.Id, Amount = 500_000m }],
                Deadlines = [new GrantDeadline { DueDate = world.Day(-200), Title = "Mid-term report" }],
            },
            new PartnerGrant
            {
                PartnerId = partner, Funder = "USAID Kenya", Reference = "AID-615-2026-07", Amount = 45_000m, Currency = "USD",
                StartDate = world.Day(-60), EndDate = world.Day(-425), Status = GrantStatus.applied, CreatedAt = world.AtDaysAgo(8), UpdatedAt = world.AtDaysAgo(8),
            });
    }
}
