using System.Net;
using System.Text;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Elimu.Api.Partners.Account.Team.PartnerPolicies;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>
/// Issue 16: roles are enforced on every partner route. The table below names, for each route under /api/v1/partner, the
/// policy that guards it; a route the API maps without a row here fails the first test, so nobody adds a partner route
/// without deciding who may use it. The second test calls every route as each team role over HTTP: the roles the policy
/// leaves out get 403 partner_role_forbidden, the others get past authorization (to a 2xx, 400, 404, 409, 415 ...).
/// </summary>
public sealed class PartnerRoleRouteTableTests(ElimuApiFactory api, ITestOutputHelper output) : IClassFixture<ElimuApiFactory>
{
    private const string Parent = Roles.Parent; // the guardian's answer lives under the partner prefix (plan Step 5)

    /// <summary>Route (method and pattern as mapped) → the policy that guards it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Table = new Dictionary<string, string>
    {
        ["GET /api/v1/partner/dashboard/overview"] = Read,
        ["GET /api/v1/partner/dashboard/counters"] = Read,
        ["GET /api/v1/partner/dashboard/ai-highlights"] = Read,

        ["POST /api/v1/partner/analytics/reports/generate"] = GenerateReports,
        ["GET /api/v1/partner/analytics/impact-reports"] = Read,
        ["GET /api/v1/partner/analytics/impact-reports/{id:guid}"] = Read,
        ["GET /api/v1/partner/analytics/impact-reports/{id:guid}/progress"] = Read,
        ["POST /api/v1/partner/analytics/impact-reports/{id:guid}/cancel"] = GenerateReports,
        ["GET /api/v1/partner/analytics/impact-reports/{id:guid}/export"] = Read,
        // Forecasts and cohort benchmarking: aggregate figures every member may read.
        ["GET /api/v1/partner/analytics/forecasts"] = Read,
        ["GET /api/v1/partner/analytics/programs/{id:guid}/benchmark"] = Read,
        // One consented child's term, and the progress letters: every member reads; writing and cancelling letters runs a job.
        ["GET /api/v1/partner/analytics/student-insights/{studentId:guid}"] = Read,
        ["GET /api/v1/partner/analytics/progress-letters/terms"] = Read,
        ["POST /api/v1/partner/analytics/progress-letters"] = GenerateReports,
        ["GET /api/v1/partner/analytics/progress-letters"] = Read,
        ["GET /api/v1/partner/analytics/progress-letters/{batchId:guid}"] = Read,
        ["POST /api/v1/partner/analytics/progress-letters/{batchId:guid}/cancel"] = GenerateReports,
        ["GET /api/v1/partner/analytics/progress-letters/{batchId:guid}/letters"] = Read,
        ["GET /api/v1/partner/analytics/progress-letters/{batchId:guid}/letters/{letterId:guid}/pdf"] = Read,
        ["GET /api/v1/partner/analytics/progress-letters/{batchId:guid}/zip"] = Read,

        ["POST /api/v1/partner/sponsorships/programs"] = ChangePrograms,
        ["GET /api/v1/partner/sponsorships/programs"] = Read,
        ["GET /api/v1/partner/sponsorships/programs/{id:guid}"] = Read,
        ["PUT /api/v1/partner/sponsorships/programs/{id:guid}"] = ChangePrograms,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/submit"] = ChangePrograms,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/pause"] = ChangePrograms,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/resume"] = ChangePrograms,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/complete"] = ChangePrograms,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/cancel"] = ChangePrograms,
        // Issue 20: the stored child alerts and their thresholds.
        ["GET /api/v1/partner/alerts"] = Read,
        ["POST /api/v1/partner/alerts/{id:guid}/seen"] = ChangePrograms,
        ["POST /api/v1/partner/alerts/{id:guid}/dismiss"] = ChangePrograms,
        ["GET /api/v1/partner/alerts/thresholds/programs/{programId:guid}"] = Read,
        ["PUT /api/v1/partner/alerts/thresholds/programs/{programId:guid}"] = ChangePrograms,
        ["GET /api/v1/partner/alerts/thresholds/children/{childId:guid}"] = Read,
        ["PUT /api/v1/partner/alerts/thresholds/children/{childId:guid}"] = ChangePrograms,
        // Issue 20: a child leaving, the substitutes offered, the program's preferences.
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/children/{studentId:guid}/leave"] = ChangePrograms,
        ["GET /api/v1/partner/sponsorships/programs/{id:guid}/substitutes"] = Read,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/substitutes"] = ChangePrograms,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/substitutes/decline"] = ChangePrograms,
        ["GET /api/v1/partner/sponsorships/programs/{id:guid}/preferences"] = Read,
        ["PUT /api/v1/partner/sponsorships/programs/{id:guid}/preferences"] = ChangePrograms,
        ["POST /api/v1/partner/sponsorships/programs/{id:guid}/children"] = ChangePrograms,
        ["DELETE /api/v1/partner/sponsorships/programs/{id:guid}/children/{studentId:guid}"] = ChangePrograms,
        ["GET /api/v1/partner/sponsorships/available-students"] = Read,
        ["GET /api/v1/partner/sponsorships/filter-options"] = Read,

        ["GET /api/v1/partner/sponsorships/children"] = Read,
        ["GET /api/v1/partner/sponsorships/children/by-program"] = Read,
        ["GET /api/v1/partner/sponsorships/children/{id:guid}"] = Read,
        ["GET /api/v1/partner/sponsorships/children/{id:guid}/progress"] = Read,
        ["GET /api/v1/partner/sponsorships/children/{id:guid}/activity"] = Read,
        ["GET /api/v1/partner/sponsorships/children/{id:guid}/achievements"] = Read,
        ["GET /api/v1/partner/sponsorships/children/{id:guid}/goals"] = Read,
        ["PUT /api/v1/partner/sponsorships/children/{id:guid}/goals"] = ChangePrograms,
        ["GET /api/v1/partner/sponsorships/children/{id:guid}/ai-insights"] = Read,
        ["GET /api/v1/partner/sponsorships/children/{id:guid}/timeline"] = Read,

        ["POST /api/v1/partner/sponsorships/consent/request"] = ChangePrograms,
        ["GET /api/v1/partner/sponsorships/consent/request/preview"] = Read,
        ["GET /api/v1/partner/sponsorships/consent/status"] = Read,
        ["POST /api/v1/partner/sponsorships/consent/{id:guid}/respond"] = Parent,

        ["GET /api/v1/partner/enrollments/template"] = Read,
        ["POST /api/v1/partner/enrollments/imports/dry-run"] = ChangePrograms,
        ["POST /api/v1/partner/enrollments/imports/commit"] = ChangePrograms,
        ["GET /api/v1/partner/enrollments/cohorts"] = Read,

        ["GET /api/v1/partner/account/team"] = Read,
        ["POST /api/v1/partner/account/team/invitations"] = ManageTeam,
        ["POST /api/v1/partner/account/team/invitations/{id:guid}/renew"] = ManageTeam,
        ["DELETE /api/v1/partner/account/team/invitations/{id:guid}"] = ManageTeam,
        ["PATCH /api/v1/partner/account/team/members/{userId:guid}"] = ManageTeam,
        ["DELETE /api/v1/partner/account/team/members/{userId:guid}"] = ManageTeam,

        ["GET /api/v1/partner/account/profile"] = Read,
        ["PUT /api/v1/partner/account/profile"] = EditProfile,
        ["PATCH /api/v1/partner/account/profile"] = EditProfile,
        ["POST /api/v1/partner/account/profile/onboarding"] = EditProfile,
        ["POST /api/v1/partner/account/profile/logo"] = EditProfile,
        ["GET /api/v1/partner/account/profile/logo"] = Read,
        ["DELETE /api/v1/partner/account/profile/logo"] = EditProfile,
        ["POST /api/v1/partner/account/profile/banner"] = EditProfile,
        ["GET /api/v1/partner/account/profile/banner"] = Read,
        ["DELETE /api/v1/partner/account/profile/banner"] = EditProfile,

        // Each member's own notifications and preferences: every role.
        ["GET /api/v1/partner/account/notifications"] = Read,
        ["PUT /api/v1/partner/account/notifications/{id:guid}/read"] = Read,
        ["PUT /api/v1/partner/account/notifications/read-all"] = Read,
        ["GET /api/v1/partner/account/notifications/preferences"] = Read,
        ["PUT /api/v1/partner/account/notifications/preferences"] = Read,

        // Analytics (issue 19): every member reads, runs and exports the aggregates; the saved definitions are the programs team's.
        ["GET /api/v1/partner/analytics/roi"] = Read,
        ["GET /api/v1/partner/analytics/reports"] = Read,
        ["POST /api/v1/partner/analytics/reports"] = ChangePrograms,
        ["PUT /api/v1/partner/analytics/reports/{id:guid}"] = ChangePrograms,
        ["DELETE /api/v1/partner/analytics/reports/{id:guid}"] = ChangePrograms,
        ["POST /api/v1/partner/analytics/reports/{id:guid}/run"] = Read,
        ["GET /api/v1/partner/analytics/reports/{id:guid}/export"] = Read,

        ["GET /api/v1/partner/account/export"] = ExportData,
        // Help and training: every member reads, takes their own webinar seat and marks their own modules; owners see the team's table.
        ["GET /api/v1/partner/support/help/categories"] = Read,
        ["GET /api/v1/partner/support/help/articles"] = Read,
        ["GET /api/v1/partner/support/help/articles/{slug}"] = Read,
        ["GET /api/v1/partner/support/training/webinars"] = Read,
        ["PUT /api/v1/partner/support/training/webinars/{id:guid}/registration"] = Read,
        ["DELETE /api/v1/partner/support/training/webinars/{id:guid}/registration"] = Read,
        ["GET /api/v1/partner/support/training/courses"] = Read,
        ["GET /api/v1/partner/support/training/courses/{slug}"] = Read,
        ["PUT /api/v1/partner/support/training/courses/{slug}/modules/{module}/completion"] = Read,
        ["DELETE /api/v1/partner/support/training/courses/{slug}/modules/{module}/completion"] = Read,
        ["GET /api/v1/partner/support/training/team-progress"] = ManageTeam,
        // Asking for help changes none of the partner's data: every member, a viewer too, may open and follow tickets.
        ["GET /api/v1/partner/support/tickets"] = PartnerPolicies.Support,
        ["POST /api/v1/partner/support/tickets"] = PartnerPolicies.Support,
        ["POST /api/v1/partner/support/tickets/triage-preview"] = PartnerPolicies.Support,
        ["GET /api/v1/partner/support/tickets/{id:guid}"] = PartnerPolicies.Support,
        ["PUT /api/v1/partner/support/tickets/{id:guid}"] = PartnerPolicies.Support,
        ["POST /api/v1/partner/support/tickets/{id:guid}/messages"] = PartnerPolicies.Support,
        ["POST /api/v1/partner/support/tickets/{id:guid}/reopen"] = PartnerPolicies.Support,
        ["POST /api/v1/partner/support/tickets/{id:guid}/close"] = PartnerPolicies.Support,
        ["GET /api/v1/partner/support/tickets/{id:guid}/attachments/{attachmentId:guid}"] = PartnerPolicies.Support,
        // AI-generated lessons: every member reads the drafts; the owner and the programs team generate, edit and submit them.
        ["POST /api/v1/partner/content/ai-generate"] = ContributeContent,
        ["GET /api/v1/partner/content/ai-resources/options"] = Read,
        ["GET /api/v1/partner/content/ai-resources"] = Read,
        ["GET /api/v1/partner/content/ai-resources/{id:guid}"] = Read,
        ["PUT /api/v1/partner/content/ai-resources/{id:guid}"] = ContributeContent,
        ["POST /api/v1/partner/content/ai-resources/{id:guid}/submit"] = ContributeContent,
        // Contributed resources: every member reads and downloads them; the owner and the programs team upload, change and delete.
        ["POST /api/v1/partner/content/resources"] = ContributeContent,
        ["GET /api/v1/partner/content/resources"] = Read,
        ["GET /api/v1/partner/content/resources/{id:guid}"] = Read,
        ["GET /api/v1/partner/content/resources/{id:guid}/file"] = Read,
        ["PUT /api/v1/partner/content/resources/{id:guid}"] = ContributeContent,
        ["DELETE /api/v1/partner/content/resources/{id:guid}"] = ContributeContent,
        // Sponsored courses: every member reads them and their monitoring; the owner and the programs team build and publish them.
        ["GET /api/v1/partner/content/courses"] = Read,
        ["POST /api/v1/partner/content/courses"] = ContributeContent,
        ["GET /api/v1/partner/content/courses/{id:guid}"] = Read,
        ["PUT /api/v1/partner/content/courses/{id:guid}"] = ContributeContent,
        ["POST /api/v1/partner/content/courses/{id:guid}/publish"] = ContributeContent,
        ["POST /api/v1/partner/content/courses/{id:guid}/archive"] = ContributeContent,
        ["GET /api/v1/partner/content/courses/{id:guid}/monitoring"] = Read,
        ["GET /api/v1/partner/content/courses/catalog/lessons"] = Read,
        ["GET /api/v1/partner/content/courses/catalog/resources"] = Read,
        // Every member may write to colleagues and staff; viewers see meetings and their invitations but do not schedule.
        ["GET /api/v1/partner/collaboration/messages"] = Read,
        ["GET /api/v1/partner/collaboration/messages/recipients"] = Read,
        ["GET /api/v1/partner/collaboration/messages/{id:guid}"] = Read,
        ["POST /api/v1/partner/collaboration/messages"] = Message,
        ["POST /api/v1/partner/collaboration/messages/{id:guid}/replies"] = Message,
        ["GET /api/v1/partner/collaboration/messages/{id:guid}/attachments/{position:int}"] = Read,
        ["GET /api/v1/partner/collaboration/meetings"] = Read,
        ["GET /api/v1/partner/collaboration/meetings/suggested-times"] = Read,
        ["GET /api/v1/partner/collaboration/meetings/{id:guid}"] = Read,
        ["POST /api/v1/partner/collaboration/meetings"] = ScheduleMeetings,
        ["POST /api/v1/partner/collaboration/meetings/{id:guid}/status"] = ScheduleMeetings,
        ["GET /api/v1/partner/collaboration/meetings/{id:guid}/invite.ics"] = Read,
        // Budgets and grants: every member reads them; who may pay (owner, finance) sets budgets and records grants and reports.
        ["GET /api/v1/partner/finance/budget"] = Read,
        ["PUT /api/v1/partner/finance/budget"] = Pay,
        ["GET /api/v1/partner/finance/grants"] = Read,
        ["POST /api/v1/partner/finance/grants"] = Pay,
        ["GET /api/v1/partner/finance/grants/{id:guid}"] = Read,
        ["PUT /api/v1/partner/finance/grants/{id:guid}"] = Pay,
        ["POST /api/v1/partner/finance/grants/{id:guid}/deadlines"] = Pay,
        ["PUT /api/v1/partner/finance/grants/{id:guid}/deadlines/{deadlineId:guid}"] = Pay,
        ["DELETE /api/v1/partner/finance/grants/{id:guid}/deadlines/{deadlineId:guid}"] = Pay,
        ["POST /api/v1/partner/finance/grants/{id:guid}/deadlines/{deadlineId:guid}/reports"] = Pay,
        ["POST /api/v1/partner/finance/grants/{id:guid}/deadlines/{deadlineId:guid}/reports/generate"] = Pay,
        ["GET /api/v1/partner/finance/grants/{id:guid}/reports/{reportId:guid}"] = Read,
        // Finance: every member sees the billing; owners and finance officers subscribe, change, cancel and pay.
        ["GET /api/v1/partner/finance/subscriptions"] = Read,
        ["POST /api/v1/partner/finance/subscriptions"] = Pay,
        ["PUT /api/v1/partner/finance/subscriptions/{id:guid}"] = Pay,
        ["DELETE /api/v1/partner/finance/subscriptions/{id:guid}"] = Pay,
        ["GET /api/v1/partner/finance/invoices"] = Read,
        ["GET /api/v1/partner/finance/invoices/{id:guid}"] = Read,
        ["GET /api/v1/partner/finance/invoices/{id:guid}/pdf"] = Read,
        ["GET /api/v1/partner/finance/subscriptions/{id:guid}/due"] = Read,
        ["GET /api/v1/partner/finance/payments/{id:guid}/receipt"] = Read,
        ["POST /api/v1/partner/finance/payments"] = Pay,
        // The renewal method (an M-Pesa number): every member sees it masked; who may pay saves and removes it.
        ["GET /api/v1/partner/finance/payment-methods"] = Read,
        ["POST /api/v1/partner/finance/payment-methods"] = Pay,
        ["DELETE /api/v1/partner/finance/payment-methods/{id:guid}"] = Pay,
        ["GET /api/v1/partner/finance/payments"] = Read,
        ["GET /api/v1/partner/finance/payments/{id:guid}"] = Read,
        ["POST /api/v1/partner/finance/payments/{id:guid}/check"] = Pay,
        ["GET /api/v1/partner/finance/gateways"] = Read,
        // Custom prices: every member reads what the partner pays; only admins change them (under /api/v1/admin).
        ["GET /api/v1/partner/finance/pricing"] = Read,
    };

    /// <summary>Writes that touch only the caller's own records (their notifications' read marks, their preferences): every role may.</summary>
    private static readonly HashSet<string> ChangesOnlyTheCallersOwn =
    [
        "PUT /api/v1/partner/account/notifications/{id:guid}/read",
        "PUT /api/v1/partner/account/notifications/read-all",
        "PUT /api/v1/partner/account/notifications/preferences",
        "PUT /api/v1/partner/support/training/webinars/{id:guid}/registration",
        "DELETE /api/v1/partner/support/training/webinars/{id:guid}/registration",
        "PUT /api/v1/partner/support/training/courses/{slug}/modules/{module}/completion",
        "DELETE /api/v1/partner/support/training/courses/{slug}/modules/{module}/completion",
        // A run reads; it only notes when the definition was last run.
        "POST /api/v1/partner/analytics/reports/{id:guid}/run",
    ];

    private IReadOnlyList<(string Key, RouteEndpoint Endpoint)> PartnerRoutes() =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/v1/partner/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => ($"{m} /{e.RoutePattern.RawText!.Trim('/')}", e)))
            .ToList();

    private static IReadOnlyList<string> PoliciesOf(Endpoint e) =>
        e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "").Where(p => p.Length > 0).ToList();

    [Fact]
    public void Every_partner_route_has_a_row_and_carries_that_rows_policy()
    {
        var routes = PartnerRoutes();
        Assert.NotEmpty(routes);
        var missing = routes.Where(r => !Table.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, "Partner routes without a row in the role × route table (add one, with its policy):\n"
            + string.Join("\n", missing));
        var stale = Table.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(stale.Count == 0, "Rows for routes the API no longer maps:\n" + string.Join("\n", stale));

        foreach (var (key, endpoint) in routes)
        {
            var policies = PoliciesOf(endpoint);
            Assert.True(policies.Contains(Table[key]), $"{key} should require {Table[key]}; it has [{string.Join(", ", policies)}]");
            // Every team route also requires membership, and no write hides behind the read policy alone.
            if (Table[key] != Parent) Assert.Contains(Read, policies);
            var method = key[..key.IndexOf(' ')];
            if (method != "GET" && Table[key] != Parent && !ChangesOnlyTheCallersOwn.Contains(key))
                Assert.True(Table[key] != Read, $"{key} changes something but only requires {Read}");
        }
    }

    [Fact]
    public async Task Each_team_role_is_refused_exactly_the_routes_its_role_may_not_use()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var clients = new Dictionary<TeamRole, ApiClient> { [TeamRole.owner] = await api.LoginAsync(owner.Email!, TestUsers.Password) };
        foreach (var role in new[] { TeamRole.finance, TeamRole.programs, TeamRole.viewer })
        {
            var member = await api.AddMemberAsync(owner, role);
            clients[role] = await api.LoginAsync(member.Email!, TestUsers.Password);
        }

        var failures = new List<string>();
        foreach (var (key, endpoint) in PartnerRoutes().Where(r => Table[r.Key] != Parent))
        {
            var allowed = RolesAllowed[Table[key]];
            foreach (var (role, client) in clients)
            {
                var response = await SendAsync(client, key);
                var code = await response.CodeAsync();
                var refused = response.StatusCode == HttpStatusCode.Forbidden && code == "partner_role_forbidden";
                if (allowed.Contains(role) == refused)
                    failures.Add($"{role} {key}: {(int)response.StatusCode} {code} (expected {(allowed.Contains(role) ? "allowed" : "refused")})");
                else if (response.StatusCode == HttpStatusCode.InternalServerError)
                    failures.Add($"{role} {key}: 500");
            }
        }
        foreach (var c in clients.Values) c.Dispose();
        output.WriteLine($"{PartnerRoutes().Count} routes × {clients.Count} roles");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_issue_s_rules_hold_in_the_policies()
    {
        // A viewer cannot pay, change programs or invite; finance cannot change programs; programs cannot pay.
        Assert.DoesNotContain(TeamRole.viewer, RolesAllowed[Pay]);
        Assert.DoesNotContain(TeamRole.viewer, RolesAllowed[ChangePrograms]);
        Assert.DoesNotContain(TeamRole.viewer, RolesAllowed[ManageTeam]);
        Assert.DoesNotContain(TeamRole.finance, RolesAllowed[ChangePrograms]);
        Assert.DoesNotContain(TeamRole.programs, RolesAllowed[Pay]);
        Assert.Equal([TeamRole.owner], RolesAllowed[ManageTeam]);
        Assert.Equal([TeamRole.owner], RolesAllowed[EditProfile]);
    }

    /// <summary>The route with fresh ids for its parameters and an empty JSON body: enough to pass or fail authorization.</summary>
    private static Task<HttpResponseMessage> SendAsync(ApiClient client, string key)
    {
        var method = key[..key.IndexOf(' ')];
        var path = System.Text.RegularExpressions.Regex.Replace(key[(key.IndexOf(' ') + 1)..], @"\{[^}]+\}", _ => Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET" && method != "DELETE") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return client.Http.SendAsync(request);
    }
}
