package org.childjourneys.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Names from several naming traditions, with family names drawn with a realistic frequency skew (a
 * few very common names and a long tail), and ethnicity codes as the CIN census uses them.
 */
final class Names {

  /** A naming tradition with its share of the population and the ethnicity codes it maps to. */
  record Tradition(
      String name,
      double share,
      List<String> ethnicities,
      List<String> girls,
      List<String> boys,
      List<String> familyNames) {}

  static final List<Tradition> TRADITIONS =
      List.of(
          new Tradition(
              "White British",
              0.70,
              List.of("WBRI", "WBRI", "WBRI", "WIRI", "MWBC"),
              List.of(
                  "Olivia",
                  "Amelia",
                  "Isla",
                  "Ava",
                  "Mia",
                  "Ivy",
                  "Lily",
                  "Isabella",
                  "Rosie",
                  "Sophia",
                  "Grace",
                  "Freya",
                  "Poppy",
                  "Evie",
                  "Ella",
                  "Charlotte",
                  "Emily",
                  "Jessica",
                  "Chloe",
                  "Ruby",
                  "Daisy",
                  "Millie",
                  "Sophie",
                  "Lucy",
                  "Holly",
                  "Megan",
                  "Katie",
                  "Amber",
                  "Leah",
                  "Summer"),
              List.of(
                  "Oliver",
                  "George",
                  "Noah",
                  "Arthur",
                  "Leo",
                  "Harry",
                  "Oscar",
                  "Jack",
                  "Charlie",
                  "Jacob",
                  "Thomas",
                  "William",
                  "James",
                  "Alfie",
                  "Freddie",
                  "Joshua",
                  "Samuel",
                  "Daniel",
                  "Alexander",
                  "Riley",
                  "Mason",
                  "Tyler",
                  "Kyle",
                  "Liam",
                  "Callum",
                  "Ethan",
                  "Lewis",
                  "Ryan",
                  "Jake",
                  "Connor"),
              List.of(
                  "Smith",
                  "Jones",
                  "Taylor",
                  "Brown",
                  "Williams",
                  "Wilson",
                  "Johnson",
                  "Davies",
                  "Robinson",
                  "Wright",
                  "Thompson",
                  "Evans",
                  "Walker",
                  "White",
                  "Roberts",
                  "Green",
                  "Hall",
                  "Wood",
                  "Jackson",
                  "Clarke",
                  "Hughes",
                  "Edwards",
                  "Turner",
                  "Hill",
                  "Moore",
                  "Cooper",
                  "Ward",
                  "Harrison",
                  "Morris",
                  "Baker",
                  "Lee",
                  "Allen",
                  "Mitchell",
                  "Harris",
                  "Martin",
                  "Parker",
                  "Kelly",
                  "Bennett",
                  "Shaw",
                  "Holmes",
                  "Lloyd",
                  "Marsh",
                  "Heywood",
                  "Ashworth",
                  "Pennington",
                  "Fairclough",
                  "Unsworth",
                  "Winstanley",
                  "Hindley",
                  "Critchley",
                  "Atherton",
                  "Ramsbottom",
                  "Blundell")),
          new Tradition(
              "Polish and Eastern European",
              0.06,
              List.of("WOTH", "WOTH", "WROM"),
              List.of(
                  "Zuzanna",
                  "Julia",
                  "Maja",
                  "Zofia",
                  "Hanna",
                  "Lena",
                  "Alicja",
                  "Maria",
                  "Amelia",
                  "Oliwia",
                  "Wiktoria",
                  "Natalia",
                  "Antonina",
                  "Emilia",
                  "Ewa"),
              List.of(
                  "Jakub",
                  "Antoni",
                  "Jan",
                  "Szymon",
                  "Filip",
                  "Kacper",
                  "Aleksander",
                  "Franciszek",
                  "Mikolaj",
                  "Wojciech",
                  "Adam",
                  "Piotr",
                  "Mateusz",
                  "Tomasz",
                  "Marek"),
              List.of(
                  "Nowak",
                  "Kowalski",
                  "Wisniewski",
                  "Wojcik",
                  "Kowalczyk",
                  "Kaminski",
                  "Lewandowski",
                  "Zielinski",
                  "Szymanski",
                  "Wozniak",
                  "Dabrowski",
                  "Popescu",
                  "Horvath",
                  "Petrov",
                  "Balog")),
          new Tradition(
              "South Asian",
              0.11,
              List.of("APKN", "AIND", "ABAN", "AOTH", "MWAS"),
              List.of(
                  "Aisha", "Fatima", "Maryam", "Zara", "Hafsa", "Inaya", "Anaya", "Priya",
                  "Aaliyah", "Hania", "Amira", "Sana", "Noor", "Ayesha", "Simran"),
              List.of(
                  "Muhammad",
                  "Mohammed",
                  "Mohamed",
                  "Ibrahim",
                  "Yusuf",
                  "Ali",
                  "Zayn",
                  "Ayaan",
                  "Hamza",
                  "Omar",
                  "Arjun",
                  "Rayan",
                  "Harjit",
                  "Aarav",
                  "Bilal"),
              List.of(
                  "Khan",
                  "Ahmed",
                  "Ali",
                  "Hussain",
                  "Patel",
                  "Begum",
                  "Shah",
                  "Iqbal",
                  "Akhtar",
                  "Mahmood",
                  "Rahman",
                  "Singh",
                  "Kaur",
                  "Sharma",
                  "Chowdhury",
                  "Uddin",
                  "Islam",
                  "Bibi",
                  "Hassan",
                  "Rashid")),
          new Tradition(
              "Black African and Caribbean",
              0.07,
              List.of("BAFR", "BAFR", "BCRB", "BOTH", "MWBA"),
              List.of(
                  "Amara",
                  "Nia",
                  "Ife",
                  "Adaeze",
                  "Zainab",
                  "Chioma",
                  "Abena",
                  "Ama",
                  "Kemi",
                  "Imani",
                  "Tiana",
                  "Precious",
                  "Blessing",
                  "Favour",
                  "Esther"),
              List.of(
                  "Tobi", "Kwame", "Chidi", "Emeka", "Kofi", "Jayden", "Tyrese", "Malachi",
                  "Elijah", "David", "Samuel", "Daniel", "Michael", "Joseph", "Isaac"),
              List.of(
                  "Okafor",
                  "Adeyemi",
                  "Mensah",
                  "Okoro",
                  "Boateng",
                  "Campbell",
                  "Johnson",
                  "Williams",
                  "Osei",
                  "Asante",
                  "Eze",
                  "Nwosu",
                  "Oluwaseun",
                  "Brown",
                  "Francis",
                  "Grant",
                  "Mohamed",
                  "Abdi",
                  "Hassan",
                  "Yusuf")),
          new Tradition(
              "Chinese and East Asian",
              0.02,
              List.of("CHNE", "CHNE", "AOTH"),
              List.of("Mei", "Xinyi", "Yuxi", "Lin", "Jia", "Hui", "Ying", "Wen", "Min", "Lan"),
              List.of("Wei", "Jun", "Hao", "Yang", "Ming", "Jian", "Bo", "Lei", "Tao", "Kai"),
              List.of(
                  "Wang", "Li", "Zhang", "Chen", "Liu", "Wong", "Chan", "Lam", "Nguyen", "Tran")),
          new Tradition(
              "Arabic and other",
              0.04,
              List.of("OOTH", "OOTH", "MOTH", "NOBT"),
              List.of(
                  "Layla", "Mariam", "Yasmin", "Huda", "Rania", "Salma", "Lina", "Dana", "Nour",
                  "Sara"),
              List.of(
                  "Ahmad", "Khalid", "Tariq", "Karim", "Sami", "Yousef", "Adam", "Zaid", "Hadi",
                  "Nabil"),
              List.of(
                  "Al-Sayed",
                  "Haddad",
                  "Nasser",
                  "Saleh",
                  "Aziz",
                  "Farah",
                  "Mansour",
                  "Darwish",
                  "Hamdan",
                  "Jaber")));

  private Names() {}

  static Tradition tradition(SplittableRandom random) {
    double u = random.nextDouble();
    for (Tradition t : TRADITIONS) {
      u -= t.share();
      if (u < 0) {
        return t;
      }
    }
    return TRADITIONS.get(0);
  }

  /** Zipf-like skew: the first names in each list are far more common than the last. */
  static String skewed(List<String> names, SplittableRandom random) {
    double u = random.nextDouble();
    int index = (int) Math.floor(Math.pow(u, 2.2) * names.size());
    return names.get(Math.min(index, names.size() - 1));
  }

  static String givenName(Tradition t, char sex, SplittableRandom random) {
    List<String> names = sex == 'F' ? t.girls() : t.boys();
    return names.get(random.nextInt(names.size()));
  }

  static String polishGenderedFamilyName(String familyName, char sex) {
    if (sex == 'F' && familyName.endsWith("ski")) {
      return familyName.substring(0, familyName.length() - 1) + "a";
    }
    return familyName;
  }
}
