#include "sample/name_pools.h"

#include <array>

namespace homeroom::sample {
namespace {

using Names = std::string_view;

// --- African-American ---
constexpr Names k_aa_female[] = {
    "Aaliyah",  "Imani",    "Jasmine",   "Destiny", "Keisha", "Tiana",   "Ebony",
    "Nia",      "Zaria",    "Ayanna",    "Brianna", "Kiara",  "Jada",    "Amara",
    "Makayla",  "Shanice",  "Dominique", "Janae",   "Zoë",    "Taniyah", "Ja'Nya",
    "Khadijah", "Precious", "Essence",   "Kennedi", "Layla",  "Aubrey"};
constexpr Names k_aa_male[] = {"Jamal",   "DeShawn", "Malik",     "Darnell", "Terrence", "Jaylen",
                               "Isaiah",  "Marcus",  "Tyrone",    "André",   "Xavier",   "Darius",
                               "Jalen",   "Khalil",  "Cornelius", "D'Andre", "Reginald", "Elijah",
                               "Josiah",  "Trevon",  "Jeremiah",  "Kamari",  "Amir",     "Devontae",
                               "Cameron", "Micah"};
constexpr Names k_aa_family[] = {
    "Washington", "Jackson", "Johnson",  "Williams", "Brown",     "Jones",  "Davis",    "Robinson",
    "Harris",     "Thomas",  "Walker",   "Coleman",  "Jefferson", "Banks",  "Freeman",  "Mosley",
    "Gaines",     "Pryor",   "McKinney", "O'Neal",   "Ellison",   "Tubbs",  "Barnes",   "Hairston",
    "Whitfield",  "Dupree",  "Sims",     "Hollins",  "Moore-Bey", "Carter", "Pettaway", "Boykins"};
constexpr LanguageShare k_aa_languages[] = {{"en", 1.0}};

// --- Hispanic / Latino ---
constexpr Names k_hisp_female[] = {"María",       "Sofía",     "Valentina", "Camila",   "Lucía",
                                   "Ximena",      "Guadalupe", "Daniela",   "Isabella", "Mariana",
                                   "Paola",       "Yesenia",   "Alejandra", "Jimena",   "Renata",
                                   "Itzel",       "Araceli",   "Maribel",   "Natalia",  "Fernanda",
                                   "Dulce María", "Xóchitl",   "Yareli",    "Abril"};
constexpr Names k_hisp_male[] = {
    "José",    "Juan",  "Luis",     "Carlos", "Miguel",     "Jesús",      "Alejandro", "Diego",
    "Ángel",   "Mateo", "Santiago", "Javier", "Andrés",     "Héctor",     "Rubén",     "Emiliano",
    "Joaquín", "Raúl",  "Adrián",   "Iván",   "Juan Pablo", "Cuauhtémoc", "Ezequiel",  "Gael"};
constexpr Names k_hisp_family[] = {"García",   "Rodríguez",  "Martínez", "Hernández",    "López",
                                   "González", "Pérez",      "Sánchez",  "Ramírez",      "Torres",
                                   "Flores",   "Rivera",     "Gómez",    "Díaz",         "Morales",
                                   "Ortiz",    "Gutiérrez",  "Chávez",   "Ramos",        "Vázquez",
                                   "Castillo", "Jiménez",    "Muñoz",    "De la Cruz",   "Núñez",
                                   "Ibarra",   "Villaseñor", "Peña",     "Gómez-Ortega", "Valdés"};
constexpr LanguageShare k_hisp_languages[] = {{"es", 0.6}, {"en", 0.4}};

// --- European-American ---
constexpr Names k_eu_female[] = {"Emma",   "Olivia", "Hannah",    "Abigail", "Madison",  "Claire",
                                 "Grace",  "Molly",  "Caitlin",   "Siobhan", "Bridget",  "Zoë",
                                 "Chloe",  "Lily",   "Audrey",    "Renée",   "Margaret", "Nora",
                                 "Sophie", "Ingrid", "Anneliese", "Giulia",  "Mary-Kate"};
constexpr Names k_eu_male[] = {"Liam",     "Noah",    "Jacob",  "Ethan",    "Connor", "Brendan",
                               "Patrick",  "Caleb",   "Owen",   "Wyatt",    "Logan",  "Henry",
                               "Seamus",   "Dominic", "Luca",   "Giovanni", "Søren",  "Matthias",
                               "Jean-Luc", "Finn",    "Declan", "Theo"};
constexpr Names k_eu_family[] = {
    "Smith",        "Miller",    "O'Brien",    "D'Angelo",  "Murphy",  "Sullivan", "Anderson",
    "Schmidt",      "Becker",    "Fitzgerald", "MacDonald", "Russo",   "Esposito", "Thompson",
    "Campbell",     "O'Connor",  "McCarthy",   "Fischer",   "Kelly",   "Bauer",    "Smith-Jones",
    "Van der Berg", "Lindqvist", "Müller",     "DiMaggio",  "Brennan", "Hughes",   "Åberg"};
constexpr LanguageShare k_eu_languages[] = {{"en", 1.0}};

// --- Arab-American ---
constexpr Names k_arab_female[] = {"Fatima", "Maryam", "Layla", "Noor", "Zainab", "Huda",
                                   "Amira",  "Yasmin", "Rania", "Hala", "Salma",  "Lina",
                                   "Dalia",  "Rawan",  "Jana",  "Reem", "Zahraa", "Malak"};
constexpr Names k_arab_male[] = {"Mohammed", "Ahmed",  "Ali",   "Hassan",  "Hussein",      "Omar",
                                 "Youssef",  "Khalil", "Karim", "Mustafa", "Ibrahim",      "Adam",
                                 "Zaid",     "Bilal",  "Hamza", "Tariq",   "Abdul-Rahman", "Mahdi"};
constexpr Names k_arab_family[] = {
    "Al-Sayed", "Haddad",  "Saleh", "Hamoud",   "Bazzi",    "Beydoun",  "Jaber", "Nasser",
    "Khalil",   "Mansour", "Fawaz", "Abdallah", "El-Amin",  "Sharif",   "Qasim", "Alkhatib",
    "Berry",    "Saad",    "Harb",  "Ayoub",    "Al-Hakim", "Fakhoury", "Elzein"};
constexpr LanguageShare k_arab_languages[] = {{"ar", 0.7}, {"en", 0.3}};
constexpr NativeName k_arab_native_female[] = {
    {"مريم", "Maryam"}, {"فاطمة", "Fatima"}, {"ليلى", "Layla"}, {"نور", "Noor"}};
constexpr NativeName k_arab_native_male[] = {
    {"محمد", "Mohammed"}, {"عمر", "Omar"}, {"يوسف", "Youssef"}, {"علي", "Ali"}};

// --- Bangladeshi-American ---
constexpr Names k_bn_female[] = {"Ayesha",  "Nusrat",  "Fatema",  "Tasnim", "Sadia",
                                 "Farzana", "Sumaiya", "Tahmina", "Rupa",   "Mithila",
                                 "Nabila",  "Shirin",  "Jannat",  "Lamia"};
constexpr Names k_bn_male[] = {"Rahim", "Tanvir", "Sakib",    "Arif",   "Imran",
                               "Rafiq", "Tahmid", "Shahriar", "Mahmud", "Rakib",
                               "Fahim", "Nayeem", "Sabbir",   "Zubair"};
constexpr Names k_bn_family[] = {"Rahman", "Hossain",  "Islam",   "Ahmed",  "Chowdhury",
                                 "Uddin",  "Miah",     "Khan",    "Sarker", "Das",
                                 "Roy",    "Talukder", "Bhuiyan", "Alam",   "Akter"};
constexpr LanguageShare k_bn_languages[] = {{"bn", 0.8}, {"en", 0.2}};
constexpr NativeName k_bn_native_female[] = {
    {"আয়েশা", "Ayesha"}, {"নুসরাত", "Nusrat"}, {"ফাতেমা", "Fatema"}};
constexpr NativeName k_bn_native_male[] = {
    {"রহিম", "Rahim"}, {"তানভীর", "Tanvir"}, {"সাকিব", "Sakib"}};

// --- Polish-American ---
constexpr Names k_pl_female[] = {"Zofia",     "Zuzanna",   "Agnieszka", "Małgorzata",
                                 "Katarzyna", "Magdalena", "Joanna",    "Weronika",
                                 "Łucja",     "Natalia",   "Anna",      "Gabriela"};
constexpr Names k_pl_male[] = {"Jakub",  "Kacper",   "Szymon", "Mateusz",   "Paweł", "Tomasz",
                               "Łukasz", "Wojciech", "Michał", "Krzysztof", "Piotr", "Antoni"};
constexpr Names k_pl_family[] = {"Kowalski",  "Nowak",    "Wiśniewski",  "Wójcik",
                                 "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
                                 "Szymański", "Woźniak",  "Dąbrowski",   "Kozłowski",
                                 "Jankowski", "Mazur",    "Krawczyk",    "Grabowski"};
constexpr LanguageShare k_pl_languages[] = {{"pl", 0.3}, {"en", 0.7}};

// --- Vietnamese-American ---
constexpr Names k_vi_female[] = {"Thảo", "Hương", "Linh", "Quỳnh", "Trâm", "Ngọc", "Phương",
                                 "Anh",  "Mai",   "Hạnh", "Uyên",  "Vy",   "Thủy", "Nhung"};
constexpr Names k_vi_male[] = {"Minh",  "Đức",  "Tuấn",  "Khoa", "Huy",  "Bảo",   "Nam",
                               "Quang", "Hùng", "Thành", "Long", "Phúc", "Khang", "Dũng"};
constexpr Names k_vi_family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ",   "Đặng",
                                 "Bùi",    "Đỗ",   "Hồ", "Ngô",  "Dương", "Lý",    "Phan", "Vũ"};
constexpr LanguageShare k_vi_languages[] = {{"vi", 0.7}, {"en", 0.3}};

// --- Somali-American ---
constexpr Names k_so_female[] = {"Hodan", "Fadumo", "Hibaaq", "Sagal", "Ayaan", "Nasra",  "Ubah",
                                 "Hamdi", "Idil",   "Ladan",  "Sahra", "Muna",  "Khadra", "Ifrah"};
constexpr Names k_so_male[] = {"Abdi",      "Abdirahman", "Mohamed", "Ahmed", "Hassan",
                               "Ismail",    "Yusuf",      "Liban",   "Guled", "Mahad",
                               "Abdullahi", "Said",       "Farah",   "Bashir"};
constexpr Names k_so_family[] = {"Warsame", "Farah", "Hussein", "Mohamud", "Abdi",
                                 "Omar",    "Jama",  "Ali",     "Osman",   "Hirsi",
                                 "Aden",    "Nur",   "Egal",    "Duale",   "Yusuf"};
constexpr LanguageShare k_so_languages[] = {{"so", 0.75}, {"en", 0.25}};

// --- West African ---
constexpr Names k_wa_female[] = {"Aminata",  "Fatoumata", "Awa",   "Mariama",   "Adaeze",
                                 "Chiamaka", "Ngozi",     "Adjoa", "Oluwaseyi", "Abena"};
constexpr Names k_wa_male[] = {"Mamadou", "Ousmane",   "Cheikh",   "Chukwuemeka", "Kwame",
                               "Kofi",    "Oluwaseun", "Ibrahima", "Babacar",     "Tunde"};
constexpr Names k_wa_family[] = {"N'Diaye", "Diallo", "Traoré",  "Okafor",  "Mensah", "Adeyemi",
                                 "Ba",      "Sow",    "Okonkwo", "Boateng", "Koné",   "Mbaye"};
constexpr LanguageShare k_wa_languages[] = {{"en", 0.45}, {"fr", 0.35}, {"wo", 0.1}, {"yo", 0.1}};

// --- Hmong-American (Hmong has no ISO 639-1 code, so home language stays "en") ---
constexpr Names k_hmong_female[] = {"Mai",  "Pa", "Nou",    "Xee",   "Kia",   "Bao",
                                    "Youa", "Ia", "Maiyer", "Sheng", "Choua", "Der"};
constexpr Names k_hmong_male[] = {"Tou",  "Xeng", "Pao",  "Kou", "Chue", "Fue",
                                  "Neng", "Teng", "Yeng", "Lue", "Kao",  "Txawj"};
constexpr Names k_hmong_family[] = {"Vang", "Xiong", "Yang", "Lee", "Thao",  "Her",  "Moua",
                                    "Lor",  "Vue",   "Hang", "Lo",  "Chang", "Khang"};
constexpr LanguageShare k_hmong_languages[] = {{"en", 1.0}};

// --- Chinese-American ---
constexpr Names k_zh_female[] = {"Mei",    "Jing",  "Xiu", "Yi-Ting", "Xinyi", "Zihan",
                                 "Yutong", "Ruoxi", "Wen", "Lan",     "Hui"};
constexpr Names k_zh_male[] = {"Wei",  "Jun", "Hao", "Zhiwei", "Yichen", "Haoran",
                               "Ming", "Jie", "Bo",  "Tao",    "Lei",    "Chih-Hao"};
constexpr Names k_zh_family[] = {"Wang", "Li",   "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao",
                                 "Wu",   "Zhou", "Xu",    "Sun", "Ma",   "Zhu",  "Lin",   "Guo"};
constexpr LanguageShare k_zh_languages[] = {{"zh", 0.65}, {"en", 0.35}};
constexpr NativeName k_zh_native_female[] = {{"静", "Jing"}, {"梅", "Mei"}, {"欣怡", "Xinyi"}};
constexpr NativeName k_zh_native_male[] = {{"伟", "Wei"}, {"浩然", "Haoran"}, {"明", "Ming"}};

// --- Native American ---
constexpr Names k_na_female[] = {"Winona",   "Aiyana", "Kimimela", "Nizhoni",
                                 "Tallulah", "Dyani",  "Chenoa"};
constexpr Names k_na_male[] = {"Ahanu", "Chayton", "Dakota", "Koda", "Takoda", "Elan", "Hok'ee"};
constexpr Names k_na_family[] = {"Begay",      "Yazzie",     "Tsosie",  "Benally", "Attakai",
                                 "Whitehorse", "Skenandore", "Peltier", "Bowman",  "Two Bulls"};
constexpr LanguageShare k_na_languages[] = {{"en", 1.0}};

// --- Pacific Islander ---
constexpr Names k_pi_female[] = {"Leilani", "Malia", "Keala", "Mele", "Losa", "Pua"};
constexpr Names k_pi_male[] = {"Keoni", "Kai", "Sione", "Tevita", "Makoa", "Iosefa"};
constexpr Names k_pi_family[] = {"Kahananui", "Fonoti", "Tuilagi",  "Fifita",
                                 "Kealoha",   "Taufa",  "Ka'ahanui"};
constexpr LanguageShare k_pi_languages[] = {{"en", 0.8}, {"sm", 0.1}, {"to", 0.1}};

constexpr std::span<const NativeName> k_none;

const std::array<HeritageNames, 13> k_heritages = {{
    {"african_american", "black", 0.44, k_aa_languages, k_aa_female, k_aa_male, k_aa_family, k_none,
     k_none},
    {"hispanic", "hispanic", 0.17, k_hisp_languages, k_hisp_female, k_hisp_male, k_hisp_family,
     k_none, k_none},
    {"european", "white", 0.11, k_eu_languages, k_eu_female, k_eu_male, k_eu_family, k_none,
     k_none},
    // The US census counts Middle Eastern and North African families as white.
    {"arab", "white", 0.09, k_arab_languages, k_arab_female, k_arab_male, k_arab_family,
     k_arab_native_female, k_arab_native_male},
    {"bengali", "asian", 0.05, k_bn_languages, k_bn_female, k_bn_male, k_bn_family,
     k_bn_native_female, k_bn_native_male},
    {"polish", "white", 0.025, k_pl_languages, k_pl_female, k_pl_male, k_pl_family, k_none, k_none},
    {"vietnamese", "asian", 0.02, k_vi_languages, k_vi_female, k_vi_male, k_vi_family, k_none,
     k_none},
    {"somali", "black", 0.02, k_so_languages, k_so_female, k_so_male, k_so_family, k_none, k_none},
    {"west_african", "black", 0.02, k_wa_languages, k_wa_female, k_wa_male, k_wa_family, k_none,
     k_none},
    {"hmong", "asian", 0.015, k_hmong_languages, k_hmong_female, k_hmong_male, k_hmong_family,
     k_none, k_none},
    {"chinese", "asian", 0.015, k_zh_languages, k_zh_female, k_zh_male, k_zh_family,
     k_zh_native_female, k_zh_native_male},
    {"native_american", "american_indian", 0.01, k_na_languages, k_na_female, k_na_male,
     k_na_family, k_none, k_none},
    {"pacific_islander", "pacific_islander", 0.005, k_pi_languages, k_pi_female, k_pi_male,
     k_pi_family, k_none, k_none},
}};

constexpr Names k_namesakes[] = {"Maple",
                                 "Cedar Grove",
                                 "Willow Creek",
                                 "Cesar Chavez",
                                 "Mary McLeod Bethune",
                                 "Phillis Wheatley",
                                 "Roberto Clemente",
                                 "Harriet Tubman",
                                 "Ida B. Wells",
                                 "Sojourner Truth",
                                 "Langston Hughes",
                                 "Thurgood Marshall",
                                 "Dolores Huerta",
                                 "Fannie Lou Hamer",
                                 "Ralph Bunche",
                                 "George Washington Carver",
                                 "Riverside",
                                 "Lakeview",
                                 "Brightmoor",
                                 "Greenfield",
                                 "Sunnyside",
                                 "Casimir Pulaski",
                                 "Tadeusz Kościuszko",
                                 "Marquette",
                                 "Gabriela Mistral",
                                 "Frida Kahlo",
                                 "Rosa Parks",
                                 "Jane Addams",
                                 "Amelia Earhart",
                                 "Sally Ride",
                                 "Mae Jemison",
                                 "Yuri Kochiyama",
                                 "Benjamin Banneker",
                                 "Paul Robeson",
                                 "Coretta Scott King",
                                 "Nelson Mandela",
                                 "Duke Ellington",
                                 "Diego Rivera",
                                 "Khalil Gibran",
                                 "Oak Hill",
                                 "Pine Ridge",
                                 "Elmwood",
                                 "Birchwood",
                                 "Hawthorne",
                                 "Spring Garden",
                                 "Highland",
                                 "Fairview",
                                 "Meadowbrook",
                                 "Westwood",
                                 "Northwood",
                                 "Belle Isle",
                                 "Palmer Park",
                                 "Clark Park",
                                 "Corktown",
                                 "Dequindre",
                                 "Jefferson Chalmers",
                                 "Ruth Ellis",
                                 "Grace Lee Boggs",
                                 "Berry Gordy",
                                 "Marygrove",
                                 "Chadsey",
                                 "Bagley",
                                 "Ludington",
                                 "Hutchins",
                                 "Vernor",
                                 "Gompers",
                                 "Lessenger",
                                 "Schulze",
                                 "Bunche",
                                 "Pasteur",
                                 "Nichols",
                                 "Brewer",
                                 "Carleton",
                                 "Mann",
                                 "Emerson",
                                 "Thoreau",
                                 "Dr. Ronald E. McNair",
                                 "Ibn Sina",
                                 "Wisteria",
                                 "Silver Lake"};

constexpr Names k_high_schools[] = {
    "Cass Technical High School",
    "Renaissance High School",
    "Western International High School",
    "Southeastern High School",
    "Dr. Martin Luther King Jr. and Coretta Scott King International Baccalaureate Senior High "
    "School",
    "Northwestern High School",
    "Denby High School",
    "Osborn College Preparatory Academy",
    "Mumford High School",
    "East English Village Preparatory Academy",
    "Pershing High School",
    "Cody Academy of Public Leadership",
    "Central High School",
    "Frederick Douglass Academy for Young Men",
    "Detroit School of Arts",
    "Communication and Media Arts High School",
    "Henry Ford High School",
    "Northeastern High School"};

constexpr Names k_streets[] = {
    "Grand River Ave", "Woodward Ave",   "Michigan Ave", "Gratiot Ave",
    "Livernois Ave",   "Joy Rd",         "W Vernor Hwy", "W Warren Ave",
    "Dexter Ave",      "Conant St",      "Chene St",     "Mack Ave",
    "Kercheval Ave",   "Fenkell Ave",    "W Outer Dr",   "Evergreen Rd",
    "Schaefer Hwy",    "Tireman Ave",    "Puritan Ave",  "W McNichols Rd",
    "Maple St",        "Oak St",         "Elm St",       "Cedar Ln",
    "Lakeview Dr",     "Dequindre St",   "Van Dyke Ave", "Junction St",
    "Springwells St",  "Chalmers St",    "St. Aubin St", "Martin Luther King Jr Blvd",
    "Rosa Parks Blvd", "Trumbull Ave",   "Linwood St",   "Lahser Rd",
    "Greenfield Rd",   "Schoolcraft St", "Harper Ave",   "E Seven Mile Rd"};

}  // namespace

std::span<const HeritageNames> heritages() {
    return k_heritages;
}
const HeritageNames& european_heritage() {
    return k_heritages[2];
}
std::span<const std::string_view> school_namesakes() {
    return k_namesakes;
}
std::span<const std::string_view> high_school_names() {
    return k_high_schools;
}
std::span<const std::string_view> street_names() {
    return k_streets;
}

}  // namespace homeroom::sample
