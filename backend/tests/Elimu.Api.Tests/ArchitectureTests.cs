using NetArchTest.Rules;

namespace Elimu.Api.Tests;

/// <summary>DESIGN.md §6: the host platform stands on its own; partner features never leak into it.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Api = typeof(Program).Assembly;

    [Fact]
    public void The_platform_does_not_depend_on_partner_code()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Elimu.Api.Platform")
            .ShouldNot().HaveDependencyOn("Elimu.Api.Partners").GetResult();
        Assert.True(result.IsSuccessful, "Platform types using Partners: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Common_code_depends_on_no_feature()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Elimu.Api.Common")
            .ShouldNot().HaveDependencyOnAny("Elimu.Api.Partners", "Elimu.Api.Platform").GetResult();
        Assert.True(result.IsSuccessful, "Common types using features: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
