using Elimu.Api.Platform.Students;

namespace Elimu.Api.Data.Seeding;

/// <summary>The 64 demo learners, and the four children of parent@elimu.demo that the story follows.</summary>
internal sealed record DemoLearners(IReadOnlyList<DemoLearner> All, DemoLearner Brian, DemoLearner Joy, DemoLearner Faith, DemoLearner Kevin);

/// <summary>Students across CBC grades, 15 schools in 15 counties, each with at least one guardian.</summary>
internal static class DemoStudents
{
    // Mostly Grades 3-9, a few in pre-primary and senior school: 64 in all.
    private static readonly (CbcGrade Grade, int Count)[] GradeMix =
    [
        (CbcGrade.PP1, 1), (CbcGrade.PP2, 1), (CbcGrade.Grade1, 2), (CbcGrade.Grade2, 3), (CbcGrade.Grade3, 7),
        (CbcGrade.Grade4, 8), (CbcGrade.Grade5, 9), (CbcGrade.Grade6, 8), (CbcGrade.Grade7, 8), (CbcGrade.Grade8, 7),
        (CbcGrade.Grade9, 6), (CbcGrade.Grade10, 2), (CbcGrade.Grade11, 1), (CbcGrade.Grade12, 1),
    ];

    public static DemoLearners Build(DemoWorld world, DemoPeople people)
    {
        var names = new HashSet<string>();
        var admission = new Dictionary<DemoSchool, int>();
        var siblingBirthdays = new Dictionary<DemoParent, List<DateOnly>>();
        var learners = new List<DemoLearner>();

        DemoLearner Add(DemoSchool school, DemoParent guardian, string first, string last, Gender gender, CbcGrade grade,
            bool ownChild, params string[] needs)
        {
            names.Add($"{first} {last}");
            var number = admission[school] = admission.TryGetValue(school, out var n) ? n + world.Between(3, 41) : world.Between(1200, 2000);
            var student = new Student
            {
                FirstName = first, LastName = last, Gender = gender, Grade = grade,
                DateOfBirth = ownChild ? SiblingBirthDate(world, grade, siblingBirthdays, guardian) : BirthDate(world, grade),
                School = school.Name, County = school.CheckedCounty, AdmissionNumber = $"{school.Prefix}/{number}",
                LearningNeeds = [.. needs],
                CreatedAt = world.AtDaysAgo(world.Between(150, 900)),
            };
            var learner = new DemoLearner(student, school, guardian);
            learners.Add(learner);
            world.Db.Guardianships.Add(new Guardianship
            {
                ParentId = guardian.User.Id, StudentId = student.Id, IsPrimary = true,
                CreatedAt = student.CreatedAt > guardian.User.CreatedAt ? student.CreatedAt : guardian.User.CreatedAt,
                Relationship = ownChild ? guardian.OwnChild
                    : world.Chance(0.25) ? GuardianRelationship.grandparent : GuardianRelationship.guardian,
            });
            return learner;
        }

        // parent@elimu.demo: Grace Otieno's four children at Lakeside Kisumu (see DemoSponsorships for their story).
        var kisumu = DemoNames.LakesideKisumu;
        var grace = people.Parent;
        var brian = Add(kisumu, grace, "Brian", "Otieno", Gender.male, CbcGrade.Grade7, true);
        var kevin = Add(kisumu, grace, "Kevin", "Otieno", Gender.male, CbcGrade.Grade8, true);
        var faith = Add(kisumu, grace, "Faith", "Otieno", Gender.female, CbcGrade.Grade4, true, "reading support");
        var joy = Add(kisumu, grace, "Joy", "Otieno", Gender.female, CbcGrade.Grade3, true);

        var slots = DemoNames.Households.SelectMany(h => Enumerable.Range(0, h.Own + h.Others).Select(i => (Household: h, Own: i < h.Own))).ToList();
        var grades = AssignGrades(world, slots, learners.Select(l => l.Student.Grade));
        for (var s = 0; s < slots.Count; s++)
        {
            var (household, own) = slots[s];
            var guardian = people.Parents[household.ParentIndex];
            var community = household.School.Community;
            var gender = world.Chance(0.5) ? Gender.female : Gender.male;
            string first, last;
            do
            {
                first = DemoNames.FirstName(world, community, gender);
                last = own ? guardian.User.LastName : world.Pick(community.Surnames);
            } while (first == last || names.Contains($"{first} {last}"));
            string[] needs = world.Chance(0.15) ? [world.Pick(DemoNames.LearningNeeds)] : [];
            Add(household.School, guardian, first, last, gender, grades[s], own, needs);
        }

        AddSecondGuardians(world, people, learners);
        world.Db.Students.AddRange(learners.Select(l => l.Student));
        return new DemoLearners(learners, brian, joy, faith, kevin);
    }

    /// <summary>
    /// Grades for the household slots: Grades 10-12 only in schools with a senior section, and
    /// brothers and sisters in different grades where the remaining grades allow it.
    /// </summary>
    private static CbcGrade[] AssignGrades(DemoWorld world, List<(DemoHousehold Household, bool Own)> slots, IEnumerable<CbcGrade> taken)
    {
        var pool = GradeMix.SelectMany(g => Enumerable.Repeat(g.Grade, g.Count)).ToList();
        foreach (var grade in taken) pool.Remove(grade);
        pool = world.Shuffled(pool);

        var assigned = new CbcGrade?[slots.Count];
        foreach (var senior in pool.Where(g => g >= CbcGrade.Grade10).ToList())
        {
            var open = Enumerable.Range(0, slots.Count).Where(i => assigned[i] is null && slots[i].Household.School.HasSeniorSchool).ToList();
            assigned[world.Pick(open)] = senior;
            pool.Remove(senior);
        }
        for (var i = 0; i < slots.Count; i++)
        {
            if (assigned[i] is not null) continue;
            var siblings = slots[i].Own
                ? Enumerable.Range(0, slots.Count).Where(j => slots[j].Own && slots[j].Household == slots[i].Household && assigned[j] is not null)
                    .Select(j => assigned[j]!.Value).ToList()
                : [];
            var pick = Math.Max(0, pool.FindIndex(g => !siblings.Contains(g)));
            assigned[i] = pool[pick];
            pool.RemoveAt(pick);
        }
        return [.. assigned.Select(g => g!.Value)];
    }

    /// <summary>A few learners also have a grandparent with an account, who is asked for consent too.</summary>
    private static void AddSecondGuardians(DemoWorld world, DemoPeople people, List<DemoLearner> learners)
    {
        var candidates = world.Shuffled(learners.Where(l => l.PrimaryGuardian != people.Parent)).Take(4);
        foreach (var learner in candidates)
        {
            var second = world.Pick(people.Parents.Skip(1).Where(p => p != learner.PrimaryGuardian).ToList());
            learner.Guardians.Add(second);
            world.Db.Guardianships.Add(new Guardianship
            {
                ParentId = second.User.Id, StudentId = learner.Student.Id, IsPrimary = false,
                Relationship = GuardianRelationship.grandparent,
                CreatedAt = (learner.Student.CreatedAt > second.User.CreatedAt ? learner.Student.CreatedAt : second.User.CreatedAt).AddDays(3),
            });
        }
    }

    /// <summary>PP1 at four, Grade 1 at six, … Grade 12 at seventeen (turning that age during the school year).</summary>
    private static DateOnly BirthDate(DemoWorld world, CbcGrade grade)
    {
        var ageThisYear = 4 + (int)grade + world.Between(0, 1);
        return new DateOnly(world.Today.Year - ageThisYear, 1, 1).AddDays(world.Between(0, 364));
    }

    /// <summary>A birth date at least eleven months from any brother's or sister's, where the grade allows.</summary>
    private static DateOnly SiblingBirthDate(DemoWorld world, CbcGrade grade, Dictionary<DemoParent, List<DateOnly>> birthdays, DemoParent parent)
    {
        var siblings = birthdays.TryGetValue(parent, out var list) ? list : birthdays[parent] = [];
        var date = BirthDate(world, grade);
        for (var attempt = 0; attempt < 40 && siblings.Any(s => Math.Abs(s.DayNumber - date.DayNumber) < 330); attempt++)
            date = BirthDate(world, grade);
        siblings.Add(date);
        return date;
    }
}
