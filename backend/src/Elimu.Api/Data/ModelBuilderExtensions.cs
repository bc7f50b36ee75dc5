using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Elimu.Api.Data;

internal static class ModelBuilderExtensions
{
    /// <summary>Every enum, including those inside JSON columns, is stored by name as the plan spells it.</summary>
    public static void StoreEnumsAsStrings(this ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) UseStringIfEnum(property);
            foreach (var complex in entity.GetComplexProperties()) StoreEnumsAsStrings(complex.ComplexType);
        }
    }

    private static void StoreEnumsAsStrings(Microsoft.EntityFrameworkCore.Metadata.IMutableComplexType type)
    {
        foreach (var property in type.GetProperties()) UseStringIfEnum(property);
        foreach (var complex in type.GetComplexProperties()) StoreEnumsAsStrings(complex.ComplexType);
    }

    private static void UseStringIfEnum(Microsoft.EntityFrameworkCore.Metadata.IMutableProperty property)
    {
        var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (!enumType.IsEnum) return;
        var converter = (ValueConverter)Activator.CreateInstance(typeof(EnumToStringConverter<>).MakeGenericType(enumType))!;
        property.SetValueConverter(converter);
        property.SetMaxLength(40);
    }
}

/// <summary>SQLite hands back DateTimes without a kind; everything stored is UTC, so say so on the way out.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
