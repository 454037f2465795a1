#!/usr/bin/env python3
"""Synthetic Arabic war-news corpus for load tests (scripts/bench-serve.sh).

Not for evaluation: the text is template-made. It is shaped like a real archive so
that the store, the story clusters and the search index have realistic sizes:

  * events: an actor does something (attack, capture, shelling, air strike,
    protest, withdrawal, siege, explosion) at a place of the knowledge base
    (data/kb/places) on a date between 2012 and 2020;
  * each event is reported by 1 to 7 outlets (data/outlets.tsv), each article
    telling it with its own headline and lead phrasing, a casualty count that
    may differ between outlets, a source attribution, and background sentences
    (some about other places and actors);
  * so the archive has tens of thousands of stories, a long-tailed vocabulary
    of names, and common words that occur in most documents.

Every template below was written by the marsad team for this script.
Usage: synth-corpus.py N OUT.jsonl [--seed S]
"""
import argparse
import csv
import glob
import json
import os
import random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# {a} actor, {t} target actor, {p} place, {g} its parent, {n} a count, {s} a source,
# {d} weekday, {o} another place.
HEADLINES = {
    "attack": ["{a} يشن هجوماً على مواقع {t} في {p}",
               "هجوم لـ{a} على {p} يوقع {n} قتلى",
               "اشتباكات عنيفة بين {a} و{t} في {p}"],
    "capture": ["{a} يسيطر على {p} بعد معارك مع {t}",
                "{p} في قبضة {a}",
                "{a} يعلن استعادة {p} من {t}"],
    "shelling": ["قصف مدفعي يستهدف {p} ويوقع {n} ضحايا",
                 "{a} يقصف أحياء {p} بالمدفعية الثقيلة"],
    "airstrike": ["غارات جوية على {p} تقتل {n} أشخاص",
                  "طائرات {a} تقصف مواقع في {p}"],
    "protest": ["مظاهرات في {p} تطالب برحيل {t}",
                "المئات يتظاهرون في {p} احتجاجاً على ممارسات {a}"],
    "withdraw": ["{a} ينسحب من {p} تحت ضغط {t}",
                 "انسحاب مقاتلي {a} من مواقعهم في {p}"],
    "siege": ["{a} يفرض حصاراً خانقاً على {p}",
              "سكان {p} يعانون من حصار {a} منذ أسابيع"],
    "blast": ["انفجار سيارة مفخخة في {p} يوقع {n} قتلى",
              "تفجير يهز سوقاً شعبياً في {p}"],
}
LEADS = {
    "attack": ["شن مقاتلو {a} يوم {d} هجوماً واسعاً على مواقع {t} في {p} بريف {g}، ما أدى إلى مقتل {n} عنصراً بحسب {s}.",
               "قال {s} إن {a} هاجم نقاطاً عسكرية تابعة لـ{t} قرب {p}، وإن الاشتباكات استمرت حتى ساعات الفجر وخلفت {n} قتيلاً.",
               "اندلعت اشتباكات عنيفة بين {a} و{t} على أطراف {p} يوم {d}، وسط أنباء عن سقوط {n} قتلى من الطرفين."],
    "capture": ["أعلن {a} سيطرته الكاملة على {p} في ريف {g} بعد معارك استمرت أياماً مع {t}، بحسب {s}.",
                "دخلت وحدات {a} إلى {p} يوم {d} إثر انسحاب {t} منها، فيما تحدث {s} عن عمليات تمشيط في الأحياء.",
                "قال {s} إن {a} استعاد السيطرة على {p} ومحيطها، وإن {n} من عناصر {t} قتلوا خلال المعارك."],
    "shelling": ["تعرضت أحياء {p} لقصف مدفعي وصاروخي مصدره مواقع {a}، ما أسفر عن سقوط {n} ضحايا بينهم أطفال، وفق {s}.",
                 "قصف {a} يوم {d} بلدة {p} بعشرات القذائف، وقال {s} إن {n} مدنيين قتلوا وأصيب آخرون."],
    "airstrike": ["استهدفت طائرات {a} بغارات عدة مواقع في {p} بريف {g} يوم {d}، وقال {s} إن الغارات أوقعت {n} قتلى.",
                  "نفذ طيران {a} غارات على أطراف {p}، فيما أفاد {s} بمقتل {n} أشخاص وتدمير مبان سكنية."],
    "protest": ["خرج المئات من أهالي {p} يوم {d} في مظاهرة طالبوا فيها بخروج {t} من المنطقة، بحسب {s}.",
                "تظاهر سكان في {p} بريف {g} احتجاجاً على اعتقالات نفذها {a}، ورفعوا لافتات تندد بالحصار."],
    "withdraw": ["انسحب مقاتلو {a} من {p} باتجاه {o} بعد تقدم {t}، وفق ما نقله {s}.",
                 "أكد {s} أن {a} سحب عناصره من مواقعه في {p} يوم {d}، في حين نفى {a} ذلك في بيان."],
    "siege": ["يفرض {a} منذ أسابيع حصاراً على {p} يمنع دخول الغذاء والدواء، وقال {s} إن {n} شخصاً توفوا بسبب نقص العلاج.",
              "أحكم {a} طوقه حول {p} بعد قطع الطريق الواصل إلى {o}، بحسب {s}."],
    "blast": ["انفجرت سيارة مفخخة يوم {d} في سوق مزدحم وسط {p}، ما أدى إلى مقتل {n} مدنياً، ولم تتبن أي جهة التفجير.",
              "قال {s} إن عبوة ناسفة انفجرت قرب حاجز لـ{a} عند مدخل {p}، وأسفرت عن مقتل {n} أشخاص."],
}
SOURCES = ["مصدر عسكري", "مصادر محلية", "ناشطون", "مراسلنا", "مصدر أمني", "المرصد السوري لحقوق الإنسان",
           "مسؤول محلي", "شهود عيان", "بيان رسمي", "مصدر طبي", "وكالة الأنباء الرسمية", "مصادر ميدانية"]
BACKGROUND = [
    "وتشهد المنطقة منذ أشهر تصعيداً متواصلاً بين الأطراف المتحاربة.",
    "ويأتي ذلك بعد أيام من معارك مماثلة في {o} القريبة.",
    "وكان {t} قد سيطر على {p} قبل عامين بعد انسحاب القوات الحكومية منها.",
    "وتعد {p} عقدة طرق مهمة تربط ريف {g} بالمناطق المجاورة.",
    "ولم يصدر عن {t} أي تعليق حتى ساعة إعداد هذا الخبر.",
    "وأشارت مصادر إنسانية إلى نزوح مئات العائلات من {p} نحو {o}.",
    "من جهته، نفى {t} في بيان صحة هذه الأنباء، ووصفها بأنها دعاية إعلامية.",
    "وقالت منظمات إغاثة إن الوضع الإنساني في {g} يزداد سوءاً مع اقتراب الشتاء.",
    "وتتبادل الأطراف الاتهامات بخرق اتفاقات التهدئة المعلنة في المنطقة.",
    "ودعت الأمم المتحدة جميع الأطراف إلى حماية المدنيين وفتح ممرات آمنة.",
    "وأفاد مراسلون بأن حركة السير على الطريق الرئيسي توقفت بشكل شبه كامل.",
    "كما تحدثت تقارير عن وصول تعزيزات عسكرية إلى محيط {o} خلال الساعات الماضية.",
    "وتبقى حصيلة الضحايا غير نهائية بسبب صعوبة الوصول إلى المنطقة.",
    "وأكد شهود أن الاشتباكات امتدت إلى أطراف {o}.",
    "ويسيطر {a} على معظم القرى المحيطة بـ{p} منذ مطلع العام.",
]
WEEKDAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]


def rows(pattern):
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        with open(path, encoding="utf-8") as f:
            for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if r and not r[0].startswith("#") and len(r) >= 3:
                    yield r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20171119)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names = {r[0]: r[2] for r in rows("data/kb/places/*.tsv")}
    places = []  # (name, parent name) for Syrian, Iraqi, Yemeni, Libyan, Lebanese places
    for r in rows("data/kb/places/*.tsv"):
        if r[0][:3] in ("sy-", "iq-", "ye-", "ly-", "lb-") and r[1] in ("city", "town", "village", "district", "subdistrict", "neighbourhood", "neighborhood") and len(r) > 7:
            places.append((r[2], names.get(r[7], r[2])))
    actors = [r[2] for r in rows("data/kb/actors/*.tsv") if r[1] in ("armed_group", "state_force")]
    outlets = [r[0] for r in rows("data/outlets.tsv")]
    if not places or not actors or not outlets:
        raise SystemExit("synth-corpus: knowledge base not found under data/")
    kinds = list(LEADS)
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < args.n:
            kind = rng.choice(kinds)
            p, g = rng.choice(places)
            a, t = rng.sample(actors, 2)
            o = rng.choice(places)[0]
            y, m, d = rng.randint(2012, 2020), rng.randint(1, 12), rng.randint(1, 28)
            base_n = rng.randint(2, 60)
            for outlet in rng.sample(outlets, min(len(outlets), rng.randint(1, 7))):
                slots = {"a": a, "t": t, "p": p, "g": g, "o": o, "d": rng.choice(WEEKDAYS),
                         "s": rng.choice(SOURCES), "n": max(1, base_n + rng.randint(-3, 3))}
                title = rng.choice(HEADLINES[kind]).format(**slots)
                body = [rng.choice(LEADS[kind]).format(**slots)]
                for b in rng.sample(BACKGROUND, rng.randint(2, 6)):
                    body.append(b.format(**slots))
                if rng.random() < 0.3:  # a second, unrelated item in the same article
                    other = dict(slots, p=rng.choice(places)[0], a=rng.choice(actors), n=rng.randint(1, 20))
                    body.append(rng.choice(LEADS[rng.choice(kinds)]).format(**other))
                paras = [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
                day = min(28, d + rng.randint(0, 2))
                out.write(json.dumps({"title": title, "outlet": outlet, "published": f"{y}-{m:02d}-{day:02d}",
                                      "text": "\n\n".join(paras)}, ensure_ascii=False) + "\n")
                written += 1
                if written >= args.n:
                    break
    print(f"synth-corpus: {written} articles, {len(places)} places, {len(actors)} actors, {len(outlets)} outlets")


if __name__ == "__main__":
    main()
