namespace Elimu.Api.Platform.Students;

// Enum member names are the spelling used on the wire and in the database (see docs/adr/0003).
public enum Gender { female, male }

/// <summary>CBC grades: pre-primary 1-2, then Grade 1 to Grade 12.</summary>
public enum CbcGrade
{
    PP1, PP2,
    Grade1, Grade2, Grade3, Grade4, Grade5, Grade6,
    Grade7, Grade8, Grade9, Grade10, Grade11, Grade12,
}

public enum GuardianRelationship { mother, father, guardian, grandparent, sibling, other }
