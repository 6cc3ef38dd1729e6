#include "sample/text_pools.h"

namespace homeroom::sample {
namespace {

using Text = std::string_view;

constexpr Text k_comments[] = {
    "Works hard and participates every day.",
    "{first} is a pleasure to have in class.",
    "Missing several assignments; please check the online gradebook.",
    "Great improvement this quarter, keep it up!",
    "Needs to complete homework on time, especially the weekly reading log.",
    "Strong test scores, but classwork is often incomplete.",
    "{first} said, \"I finally get fractions!\" - wonderful progress.",
    "Frequent absences are affecting {first}'s grade. Let's talk.",
    "Excellent lab reports.\nPlease keep practicing the vocabulary at home.",
    "Reading at grade level; fluency, comprehension and vocabulary all improving.",
    "Please sign and return the progress form, thanks.",
    "Talks during lessons; we are working on it together.",
    "Quiz retakes are available Tuesdays, 3:15-3:45, in room 112.",
    "Needs support with multi-step word problems.",
    "Participates well in group work; could speak up more in whole-class discussions.",
    "Grade includes the late project (\"My Neighborhood\" essay), submitted after the deadline.",
    "Has been tardy often; first-period work is being missed.",
    "Muy buen trabajo este trimestre. ¡Sigue así, {first}!",
    "Outstanding effort!\n\nSee the rubric in the class folder for details.",
    "50% of homework turned in - please help {first} with organization.",
    "-2 points for late work on the unit test; retake offered.",
    "+ extra credit for the science fair project",
    "@home practice: 15 minutes of math facts nightly.",
    "A natural leader during labs, always helps classmates.",
    "Reading log not returned since October.",
    "Please contact me about the make-up work for the days missed.",
};

constexpr Text k_hostile[] = {
    "<script>alert(1)</script>",
    "=HYPERLINK(\"http://example.com/grades\",\"Click to see grades\")",
};

constexpr Text k_disruption[] = {
    "Repeatedly talked over the teacher during the lesson.",
    "Threw paper across the room and refused to stop when asked.",
    "Played music on a phone during a test, disturbing others.",
};
constexpr Text k_defiance[] = {
    "Refused to follow directions to return to seat.",
    "Left class without permission; said \"I'm not doing this\".",
    "Would not hand over a phone during the test, argued with staff.",
};
constexpr Text k_fighting[] = {
    "Physical altercation with another student in the cafeteria.",
    "Fight in the hallway after 3rd period; both students were sent to the office.",
};
constexpr Text k_bullying[] = {
    "Ongoing name-calling directed at a classmate, reported by a parent.",
    "Took a younger student's lunch several days in a row.",
};
constexpr Text k_harassment[] = {
    "Posted hurtful comments about a classmate on social media.",
    "Repeated unwanted comments toward a classmate after being told to stop.",
};
constexpr Text k_weapons[] = {
    "Brought a pocket knife to school; it was confiscated by staff.",
};
constexpr Text k_substances[] = {
    "Found with a vape pen in the restroom.",
    "Suspected of being under the influence; parent contacted, nurse consulted.",
};
constexpr Text k_other[] = {
    "Damaged a library book and a Chromebook; restitution arranged.",
    "Left campus during lunch without permission.",
    "Used another student's login to submit work.",
};

constexpr Text k_strengths[] = {
    "Creative writer; loves drawing comics.",
    "Strong in mental math, helps peers.",
    "Kind, a good listener, and a natural leader in group projects.",
    "Curious about science, asks great questions.",
    "Bilingual - translates for classmates and family.",
    "Persistent: keeps working on hard problems.",
    "Artistic; designed the class mural.",
};
constexpr Text k_needs[] = {
    "Organization of materials and homework.",
    "Reading fluency; benefits from audiobooks.",
    "Check-ins about attendance, especially on Mondays.",
    "Support with test anxiety.",
    "Extra practice with fractions and decimals.",
    "A quiet place to do homework after school.",
};
constexpr Text k_interests[] = {
    "Soccer, Minecraft, cooking with grandma.",
    "Robotics club; wants to learn to code.",
    "Music (drums) and basketball.",
    "Dance, drawing, and \"anything with animals\".",
    "Fixing bikes, cars, engines.",
    "Chess club and history documentaries.",
};
constexpr Text k_goals[] = {
    "- read 20 minutes every night\n- turn in all homework",
    "Raise the math grade to a B by the end of the semester.",
    "Attend school every day in March.",
    "Join a club and make one new friend.",
    "Finish the 9th-grade credit recovery course, then apply for dual enrollment.",
    "Be on time to first period every day.",
};

}  // namespace

std::span<const std::string_view> mark_comments() {
    return k_comments;
}
std::span<const std::string_view> hostile_comments() {
    return k_hostile;
}

std::span<const std::string_view> incident_descriptions(std::string_view type) {
    if (type == "disruption")
        return k_disruption;
    if (type == "defiance")
        return k_defiance;
    if (type == "fighting")
        return k_fighting;
    if (type == "bullying")
        return k_bullying;
    if (type == "harassment")
        return k_harassment;
    if (type == "weapons")
        return k_weapons;
    if (type == "substances")
        return k_substances;
    return k_other;
}

std::span<const std::string_view> profile_strengths() {
    return k_strengths;
}
std::span<const std::string_view> profile_needs() {
    return k_needs;
}
std::span<const std::string_view> profile_interests() {
    return k_interests;
}
std::span<const std::string_view> profile_goals() {
    return k_goals;
}

}  // namespace homeroom::sample
