namespace Elimu.Api.Partners.Profiles;

// Enum member names are the plan's spelling, used on the wire and in the database (docs/adr/0003).
public enum OrganizationType { NGO, Corporate, Government, Foundation, Individual }

public enum PartnershipTier { standard, premium, enterprise }
