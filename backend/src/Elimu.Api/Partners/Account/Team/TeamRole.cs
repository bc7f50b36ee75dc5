namespace Elimu.Api.Partners.Account.Team;

/// <summary>What a team member may do for the partner (plan spelling on the wire and in the database).</summary>
public enum TeamRole { owner, finance, programs, viewer }
