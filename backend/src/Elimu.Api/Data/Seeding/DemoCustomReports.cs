using Elimu.Api.Partners.Analytics.Reports;

namespace Elimu.Api.Data.Seeding;

/// <summary>Two saved custom reports for Tumaini, as an M&amp;E officer would keep them: learning by county, and a monthly trend.</summary>
internal static class DemoCustomReports
{
    public static void Build(DemoWorld world, DemoPrograms programs)
    {
        var partner = programs.Cohort.Partner.Id;
        PartnerCustomReport Report(string name, string description, ReportDefinition definition, int daysAgo) => new()
        {
            PartnerId = partner, Name = name, Description = description, Definition = definition, CreatedBy = partner,
            CreatedAt = world.Now.AddDays(-daysAgo), UpdatedAt = world.Now.AddDays(-daysAgo),
        };
        world.Db.PartnerCustomReports.AddRange(
            Report("Learning by county", "Consented children's learning hours and scores per county, last 90 days.", new ReportDefinition
            {
                Metrics = ["consented_children", "active_children", "learning_hours", "average_score"], GroupBy = "county", ChartType = "bar",
                Filters = new ReportFilters { LastDays = 90 },
            }, 12),
            Report("Monthly engagement trend", "Active children and hours per month over the last six months.", new ReportDefinition
            {
                Metrics = ["active_children", "learning_hours", "lessons_completed"], GroupBy = "month", ChartType = "line",
                Filters = new ReportFilters { LastDays = 180 },
            }, 3));
    }
}
