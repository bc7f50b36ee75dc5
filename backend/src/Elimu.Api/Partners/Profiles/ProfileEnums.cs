namespace Elimu.Api.Partners.Profiles;

// Enum member names are the plan's spelling, used on the wire and in the database (docs/adr/0003).
public enum OrganizationType { NGO, Corporate, Government, Foundation, Individual }

public enum PartnershipTier { standard, premium, enterprise }

/// <summary>Where an organisation's admin check stands (see <see cref="PartnerProfile.VerificationStatus"/>).</summary>
public enum PartnerVerification { pending, verified, rejected }

/// <summary>The two pictures of a profile.</summary>
public enum ProfileImageKind { logo, banner }
