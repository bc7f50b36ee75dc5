namespace Elimu.Api.Partners.Shared;

/// <summary>Consent's answer to Sponsorships: students whose guardians recently refused or withdrew, offered to no partner.</summary>
public interface IConsentOptOuts
{
    IQueryable<Guid> OptedOutStudentIds(DateTime now);
}
