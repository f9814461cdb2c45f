#pragma once

#include "accounts/User.h"
#include "partnership/PartnershipTypes.h"

#include <QString>

namespace confer {

// The fixed tables a demonstration is made from: word lists for people and places, the agencies, people
// and panels of the partnership, and the texts of notes, actions and case fields. DemoDice picks from them.
struct DemoTables final {
    // Every name, street and postcode below is made up from word lists; any likeness to a real person is
    // chance. Organisations are generic partnership bodies; contact details use reserved ranges
    // (example.org, Ofcom's drama numbers 0191 498 0xxx).
    static constexpr const char* MaleFirstNames[] = {
        "Adam",   "Alan",    "Andrew", "Anthony", "Ben",      "Brian",  "Callum", "Carl",    "Chris",
        "Connor", "Craig",   "Daniel", "Darren",  "David",    "Dean",   "Declan", "Gary",    "Glen",
        "Graham", "Ian",     "Jack",   "Jake",    "Jamie",    "Jason",  "Joe",    "John",    "Jordan",
        "Kevin",  "Kieran",  "Kyle",   "Lee",     "Liam",     "Mark",   "Martin", "Michael", "Neil",
        "Nathan", "Paul",    "Peter",  "Reece",   "Richard",  "Robert", "Ryan",   "Scott",   "Sean",
        "Shaun",  "Stephen", "Steven", "Stuart",  "Thomas",   "Tony",   "Wayne",  "Aaron",   "Bradley",
        "Ethan",  "Harvey",  "Kai",    "Lewis",   "Mohammed", "Tyler"};
    static constexpr const char* FemaleFirstNames[] = {
        "Abbie",    "Amanda", "Amy",      "Angela",  "Ashleigh", "Carly",  "Charlotte", "Chelsea",  "Claire",
        "Danielle", "Dawn",   "Debbie",   "Donna",   "Elaine",   "Emma",   "Gemma",     "Hannah",   "Hayley",
        "Helen",    "Jade",   "Jennifer", "Jessica", "Joanne",   "Julie",  "Karen",     "Katie",    "Kelly",
        "Kirsty",   "Laura",  "Leanne",   "Lisa",    "Louise",   "Lucy",   "Megan",     "Michelle", "Natalie",
        "Nicola",   "Paige",  "Rachel",   "Rebecca", "Sarah",    "Sharon", "Shannon",   "Sophie",   "Stacey",
        "Tracey",   "Vicky",  "Zoe",      "Chloe",   "Ellie",    "Ella",   "Grace",     "Holly",    "Jasmine",
        "Leah",     "Molly",  "Nadia",    "Amira",   "Priya",    "Sienna"};
    static constexpr const char* Surnames[] = {
        "Robson",     "Charlton",  "Armstrong",  "Bainbridge", "Dodds",      "Elliott",    "Forster",
        "Hutchinson", "Milburn",   "Nixon",      "Pearson",    "Shepherd",   "Surtees",    "Tait",
        "Urwin",      "Wake",      "Watson",     "Smith",      "Jones",      "Taylor",     "Brown",
        "Wilson",     "Thompson",  "Walker",     "White",      "Wright",     "Hall",       "Wood",
        "Jackson",    "Clarke",    "Green",      "Harrison",   "Davison",    "Stephenson", "Young",
        "Allan",      "Bell",      "Hughes",     "Graham",     "Kirkup",     "Lamb",       "Laidler",
        "Marshall",   "Maddison",  "Parkin",     "Proud",      "Rutherford", "Scott",      "Snowdon",
        "Stoker",     "Swinburne", "Tweddle",    "Wilkinson",  "Atkinson",   "Bowes",      "Carr",
        "Coxon",      "Cummings",  "Dixon",      "Emmerson",   "Fenwick",    "Gibson",     "Hodgson",
        "Johnson",    "Kell",      "Liddle",     "McDonald",   "Moffat",     "Nicholson",  "Oliver",
        "Peart",      "Ramshaw",   "Richardson", "Simpson",    "Teasdale",   "Turnbull",   "Walton",
        "Weatherall", "Whitfield", "Younger",    "Patel",      "Khan",       "Hussain",    "Ahmed",
        "Begum",      "Kowalski",  "Nowak",      "Murphy",     "Kelly",      "O'Neill",    "Doyle",
        "Campbell",   "Reid",      "Ross",       "Baxter",     "Pattinson",  "Hewitson",   "Lowery",
        "Brannigan",  "Garbutt"};
    static constexpr const char* Nicknames[] = {"Jonno", "Smudge", "Tommo", "Shaz",  "Becks",
                                                "Dazza", "Gaz",    "Kez",   "Macca", "Robbo"};
    static constexpr const char* Streets[] = {
        "Front Street",        "Back Street",    "Station Road",   "Durham Road",
        "Church Street",       "North Road",     "South Street",   "Pit Row",
        "Colliery Road",       "Seaside Lane",   "Office Street",  "Welfare Road",
        "Chapel Street",       "Moor Lane",      "Hill View",      "Park Terrace",
        "Victoria Terrace",    "Albert Street",  "Queen Street",   "Railway Terrace",
        "Cooperative Terrace", "Miners Row",     "Blackhall Road", "Granville Terrace",
        "Cotsford Lane",       "Thorntree Gill", "Burn Lane",      "Wear Street",
        "Coronation Avenue",   "Beech Grove",    "Elm Crescent",   "Oak Terrace",
        "Sycamore Road",       "Chestnut Close", "Rowan Drive",    "Bede Way",
        "Cuthbert Avenue",     "Aidan Walk",     "Castle View",    "Lambton Street"};
    static constexpr const char* LocationFeatures[] = {
        "play park", "shop parade", "bus shelter", "back lane",           "recreation ground",
        "underpass", "allotments",  "car park",    "phone box and bench", "cut-through to the dene"};

    struct Town {
        const char* name;
        int district; // DH1 ... DH9
    };
    static constexpr Town Towns[] = {
        {"Durham", 1},    {"Gilesgate", 1},          {"Pelton", 2},         {"Chester-le-Street", 3},
        {"Birtley", 3},   {"Houghton-le-Spring", 4}, {"Hetton-le-Hole", 5}, {"Easington Lane", 5},
        {"Haswell", 6},   {"Shotton Colliery", 6},   {"Thornley", 6},       {"Wheatley Hill", 6},
        {"Sacriston", 7}, {"Langley Park", 7},       {"Consett", 8},        {"Stanley", 9}};

    struct AgencySeed {
        const char* name;
        Agency::Kind kind;
        AgencySector sector;
        const char* contactName;
        const char* email;
    };
    static constexpr AgencySeed Agencies[] = {
        {"Durham Constabulary", Agency::Kind::ResponsibleAuthority, AgencySector::Police,
         "Insp. Mark Tweddle", "neighbourhoods"},
        {"Durham County Council", Agency::Kind::ResponsibleAuthority, AgencySector::LocalAuthority,
         "Joanne Kirkup", "community.safety"},
        {"County Durham and Darlington Fire and Rescue Service", Agency::Kind::ResponsibleAuthority,
         AgencySector::FireAndRescue, "Stn Cdr Alan Peart", "prevention"},
        {"Probation Service North East", Agency::Kind::ResponsibleAuthority, AgencySector::Probation,
         "Claire Laidler", "iom"},
        {"NHS North East and North Cumbria", Agency::Kind::ResponsibleAuthority, AgencySector::Health,
         "Dr Priya Shah", "safeguarding"},
        {"East Durham Homes (demo)", Agency::Kind::CooperatingBody, AgencySector::Housing, "Steven Coxon",
         "tenancy.support"},
        {"Recovery and Wellbeing Service (demo)", Agency::Kind::CooperatingBody, AgencySector::Health,
         "Leanne Ramshaw", "referrals"},
        {"Horden Community Hub (demo)", Agency::Kind::Other, AgencySector::VoluntarySector, "Nadia Begum",
         "hello"},
        {"Department for Work and Pensions", Agency::Kind::CooperatingBody, AgencySector::Other,
         "Gary Whitfield", "partnerships"},
    };

    struct AccountSeed {
        const char* login;
        const char* displayName;
        Role role;
        int agency; // index into Agencies
    };
    static constexpr AccountSeed Accounts[] = {
        {"demo.hwalton", "Helen Walton", Role::Chair, 1},
        {"demo.dnicholson", "David Nicholson", Role::Chair, 0},
        {"demo.sbainbridge", "Sarah Bainbridge", Role::Chair, 3},
        {"demo.kforster", "Karen Forster", Role::Coordinator, 6},
        {"demo.ihussain", "Imran Hussain", Role::Chair, 1},
        {"demo.jcharlton", "James Charlton", Role::Member, 0},
        {"demo.lrobson", "Lisa Robson", Role::Member, 5},
        {"demo.pdodds", "Paul Dodds", Role::Coordinator, 1},
    };

    struct PanelSeed {
        const char* name;
        const char* kind;
        int chair;      // index into Accounts
        int members[3]; // more accounts, -1 for none
        int weight;     // share of the cases
        int lowestAge;  // subjects' ages
        int highestAge;
    };
    static constexpr PanelSeed Panels[] = {
        {"Easington MAPS", "maps", 0, {5, 6, 7}, 26, 14, 72},
        {"Peterlee MAPS", "maps", 1, {6, 7, -1}, 22, 14, 72},
        {"County Durham IOM", "iom", 2, {1, 5, -1}, 24, 18, 52},
        {"Horden Together (MEAM)", "meam", 3, {6, 7, -1}, 14, 22, 60},
        {"County Durham Channel Panel", "channel", 4, {1, 5, -1}, 14, 12, 40},
    };

    static constexpr const char* FactNotes[] = {
        "Home visit completed. The tenancy is in arrears of about six weeks and the property is cluttered.",
        "Three calls to the police in the last fortnight about shouting and door-banging late at night.",
        "Attended the appointment at the recovery service and collected a new prescription.",
        "Did not attend the arranged appointment; a letter has been sent with a new date.",
        "Neighbour reports a group gathering on the back lane most evenings, with broken glass left behind.",
        "Referred to the debt advice service; first appointment booked for next week.",
        "Released from custody on licence; reported to probation on the day of release as required.",
        "School confirms attendance has been 62% this term, with most absences on Mondays.",
        "Fire safety visit carried out; two smoke alarms fitted and advice given on cooking safety.",
        "Housing officer served a notice of seeking possession following the breach of tenancy.",
        "GP confirms registration and a review of medication is booked.",
        "Graffiti reported at the shop parade has been removed by the council's clean-up team."};
    static constexpr const char* OpinionNotes[] = {
        "In my professional opinion the risk of eviction is high unless the arrears plan is kept to.",
        "I believe the behaviour is escalating and is linked to a return to heavy drinking.",
        "My view is that engagement has improved since the new support worker was allocated.",
        "I think the family would benefit from a single named worker rather than several services.",
        "It is my assessment that the online material viewed reflects curiosity rather than commitment.",
        "In my opinion the current address is not safe and a move should be prioritised."};
    static constexpr const char* OpinionBases[] = {
        "Home visits over the last two months.", "Review of police incident logs.",
        "Three supervision sessions.", "Discussion with the school and the family.",
        "Assessment at the last appointment."};
    static constexpr const char* ActionTexts[] = {
        "Arrange a joint home visit with housing and the police.",
        "Refer to the recovery service and confirm the first appointment.",
        "Carry out a fire safety visit.",
        "Write to the tenant setting out the acceptable behaviour contract.",
        "Check whether a support worker has been allocated and report back.",
        "Review CCTV coverage of the back lane and report to the next meeting.",
        "Offer a benefits check and help with the claim.",
        "Share the safety plan with the school's designated safeguarding lead.",
        "Confirm licence conditions and the next appointment with probation.",
        "Contact the GP about the missed medication review."};
    static constexpr const char* ReferralReasons[] = {
        "Repeated reports of anti-social behaviour from neighbours over several months.",
        "Concerns raised by several agencies at once; no single agency can resolve them alone.",
        "Escalating incidents linked to alcohol and to the people visiting the address.",
        "Vulnerability to exploitation, with missed appointments and reports of debts to others.",
        "Repeat offending alongside unmet needs in housing and substance misuse.",
        "Concerns about material shared online and comments made at school or work."};
    static constexpr const char* AgreedOutcomes[] = {
        "Incidents reduced to fewer than one a month for three months.",
        "Tenancy sustained and arrears plan kept to.",
        "Back lane gated and lit; no reports for two meetings in a row."};
    static constexpr const char* ReferralOffers[] = {
        "A named housing officer and a fast-tracked tenancy if engagement is kept up.",
        "Weekly drop-in with a recovery worker and help to register with a GP.",
        "A key worker for twelve weeks and a personal budget for essentials."};
    static constexpr const char* SupportPlans[] = {
        "Mentoring from an intervention provider, weekly, with support from the school.",
        "Theological mentoring and help into a college course.",
        "Family support alongside mentoring; reviewed monthly."};

    // Meetings: where panels meet, and the guests a chair invites for one case.
    static constexpr const char* MeetingPlaces[] = {
        "Committee Room 2, County Hall, Durham", "Peterlee Leisure Centre, meeting room 1",
        "Seaham Police Station, conference room", "Horden Community Hub, back room"};
    struct GuestSeed {
        const char* agency;
        const char* role;
    };
    static constexpr GuestSeed Guests[] = {{"Easington Academy (demo)", "Designated safeguarding lead"},
                                           {"Youth Justice Service (demo)", "Case manager"},
                                           {"Children's Social Care (demo)", "Social worker"},
                                           {"Citizens Advice County Durham (demo)", "Debt adviser"}};
    static constexpr const char* MeetingActions[] = {
        "Report back on the joint home visit at the next meeting.",
        "Confirm the referral to the recovery service has been picked up.",
        "Share the updated risk assessment with the panel's members.",
        "Arrange a professionals' meeting before the next panel."};

    static QString word(const char* text) { return QString::fromUtf8(text); }
};

} // namespace confer
