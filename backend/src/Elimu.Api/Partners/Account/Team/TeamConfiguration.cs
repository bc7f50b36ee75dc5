using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Account.Team;

internal sealed class PartnerTeamMemberConfiguration : IEntityTypeConfiguration<PartnerTeamMember>
{
    public void Configure(EntityTypeBuilder<PartnerTeamMember> b)
    {
        b.ToTable("partner_team_members");
        b.HasOne(m => m.PartnerProfile).WithMany(p => p.Members).HasForeignKey(m => m.PartnerProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // One team per user: the signed-in user names exactly one partner on every request.
        b.HasIndex(m => m.UserId).IsUnique();
        b.HasIndex(m => m.PartnerProfileId);
    }
}

internal sealed class PartnerTeamInvitationConfiguration : IEntityTypeConfiguration<PartnerTeamInvitation>
{
    public void Configure(EntityTypeBuilder<PartnerTeamInvitation> b)
    {
        b.ToTable("partner_team_invitations");
        b.HasOne<Profiles.PartnerProfile>().WithMany().HasForeignKey(i => i.PartnerProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.NormalizedEmail).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        // Two owners inviting the same address at once: the second gets 409, not a second live link.
        b.HasIndex(i => new { i.PartnerProfileId, i.NormalizedEmail }).IsUnique()
            .HasFilter(PartnerTeamInvitation.OpenSql).HasDatabaseName("ux_partner_team_invitations_open_email");
    }
}
