namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Lesson topics per CBC learning area, for three stages: early years (PP1-Grade 3), upper primary
/// (Grades 4-6) and junior/senior school (Grades 7-12).
/// </summary>
internal static class DemoCurriculumTopics
{
    public static readonly Dictionary<string, string[][]> ByArea = new()
    {
        ["MATH"] =
        [
            ["Counting and number names", "Place value: tens and ones", "Addition within 100", "Subtraction within 100",
             "Shapes around us", "Measuring length", "Telling time", "Kenyan coins and notes", "Simple patterns"],
            ["Place value to 100,000", "Multiplication strategies", "Long division", "Fractions of a whole",
             "Adding and subtracting fractions", "Decimals and money", "Perimeter and area", "Angles and lines",
             "Bar graphs from market prices"],
            ["Integers on the number line", "Algebraic expressions", "Linear equations", "Ratio and proportion",
             "Percentages: discounts and VAT", "Pythagoras' theorem", "Area of a circle", "Probability",
             "Mean, median and mode"],
        ],
        ["ENG"] =
        [
            ["Letter sounds", "Blending sounds into words", "Sight words", "Listening to stories", "Naming words",
             "Action words", "Reading short sentences", "Writing about my family", "Rhymes and songs"],
            ["Reading for the main idea", "Comprehension: a visit to the Maasai Mara", "Parts of speech",
             "Punctuation", "Writing a friendly letter", "Past and present tense", "Vocabulary: on the farm",
             "Poetry: rhythm and rhyme", "Speaking to an audience"],
            ["Reading the class novel", "Summary writing", "Argumentative essays", "Figurative language",
             "Direct and reported speech", "Minutes and memos", "Clauses and sentences", "Oral narratives",
             "Debating"],
        ],
        ["KIS"] =
        [
            ["Kusoma herufi", "Silabi na maneno", "Salamu na adabu", "Familia yangu", "Wanyama wa nyumbani",
             "Hadithi fupi", "Nambari kwa Kiswahili", "Rangi na maumbo", "Nyimbo za watoto"],
            ["Ufahamu: Sikukuu ya Jamhuri", "Ngeli za nomino", "Nyakati", "Barua ya kirafiki", "Methali",
             "Msamiati: sokoni", "Vitendawili", "Insha ya maelezo", "Kusikiliza na kuzungumza"],
            ["Fasihi simulizi", "Usomaji wa riwaya", "Upatanisho wa kisarufi", "Insha ya hoja",
             "Tamathali za usemi", "Ushairi", "Uandishi wa kumbukumbu", "Rejista", "Mjadala"],
        ],
        ["SCI"] =
        [
            ["Parts of the body", "Weather around us", "Plants in our school", "Clean water and hygiene",
             "Animals and their homes", "Soil", "Keeping safe at home", "Light and sound", "Caring for our environment"],
            ["Living and non-living things", "The digestive system", "Water sources and conservation",
             "Soil erosion", "Simple machines", "Electric circuits", "Using digital devices safely", "Heat transfer",
             "Weather instruments"],
            ["Laboratory safety", "Mixtures and separation", "Acids, bases and indicators", "Cells and the microscope",
             "Force and motion", "Energy sources in Kenya", "Reproduction in plants", "Health and nutrition",
             "Introduction to coding"],
        ],
        ["SST"] =
        [
            ["My home", "My school", "People in our community", "Our needs", "Keeping our environment clean",
             "Directions", "Our leaders", "Festivals", "Road safety"],
            ["Our county", "Physical features of Kenya", "Weather and climate", "Early people in Kenya",
             "Markets and trade", "Transport and communication", "National symbols", "Conserving resources",
             "Maps and the compass"],
            ["Map reading and scale", "Population of East Africa", "The Constitution of Kenya",
             "Devolution and county government", "Human rights and responsibilities", "The road to independence",
             "The East African Community", "Tourism", "Peace and conflict resolution"],
        ],
        ["CRE"] =
        [
            ["God's creation", "My family", "Friendship and sharing", "Prayer", "The story of Noah",
             "Helping others", "Thankfulness", "Respecting elders", "Caring for animals"],
            ["The Bible", "Creation and responsibility", "Moses and the Ten Commandments", "Parables of Jesus",
             "The early church", "Honesty", "Christian values at school", "Serving the community", "Celebrations"],
            ["Prophets of the Old Testament", "The life of Jesus", "Integrity", "The church in Kenya",
             "Relationships", "Work and leisure", "Stewardship of the environment", "Justice and reconciliation",
             "Ethical decisions"],
        ],
        ["CA"] =
        [
            ["Drawing and colouring", "Modelling with clay", "Singing games", "Rhythm and clapping", "Paper folding",
             "Beadwork patterns", "Dance and movement", "Painting", "Puppets"],
            ["Kenyan folk songs", "Playing the recorder", "Weaving", "Drawing in perspective", "Drama and role-play",
             "Traditional instruments", "Collage", "Ball skills", "Printmaking"],
            ["Music notation", "Composition", "Portraiture", "Theatre production", "Digital art", "Photography",
             "Kenyan dance forms", "Art criticism", "Athletics and fitness"],
        ],
        ["AGR"] =
        [
            ["Growing seeds", "Watering plants", "Our food", "Fruits we eat", "Keeping chickens", "Clean hands",
             "School garden", "Tools for the garden", "Healthy snacks"],
            ["Preparing the soil", "The kitchen garden", "Harvesting rainwater", "Caring for poultry",
             "Food groups and a balanced diet", "Composting", "Traditional vegetables", "Preserving food",
             "Conservation agriculture"],
            ["Growing maize and beans", "Livestock management", "Agroforestry", "Nutrition through life",
             "Food safety and hygiene", "Farm records and budgets", "Irrigation in arid areas", "Pests and diseases",
             "Agribusiness"],
        ],
    };
}
