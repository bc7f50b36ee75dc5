#!/usr/bin/env python3
"""Sends batches of 1,000 new learning events to a running API and reports sustained events/s (bench/ingest.sh)."""
import http.client, json, random, sys, threading, time, urllib.parse, uuid
from datetime import datetime, timedelta, timezone

base, key, db, seconds, senders = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])  # argv[6]: references JSON
url = urllib.parse.urlparse(base)

refs = json.load(open(sys.argv[6]))
students, areas, lessons = refs["studentIds"], refs["learningAreaCodes"], refs["lessonIds"]
now = datetime.now(timezone.utc)

def event():
    r = random.random()
    at = (now - timedelta(minutes=random.randint(5, 60 * 24 * 60))).isoformat()
    e = {"id": str(uuid.uuid4()), "studentId": random.choice(students), "occurredAt": at}
    if r < 0.70:
        e.update(kind="session", durationMinutes=random.randint(5, 90), device=random.choice(["mobile", "tablet", "desktop", "shared_lab"]),
                 lessonsTouched=random.randint(0, 4), learningAreaCode=random.choice(areas))
    elif r < 0.85:
        e.update(kind="assessment", learningAreaCode=random.choice(areas), title="Bench check", score=round(random.uniform(20, 100), 2), rubricLevel="ME")
    elif r < 0.95:
        e.update(kind="lesson_progress", lessonId=random.choice(lessons), status=random.choice(["in_progress", "completed"]), timeSpentSeconds=600)
    else:
        e.update(kind="achievement", achievementKind="badge", title="Bench badge")
    return e

lock = threading.Lock()
stored, batches, latencies, errors = 0, 0, [], []
deadline = time.monotonic() + seconds

def sender():
    global stored, batches
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    while time.monotonic() < deadline:
        body = json.dumps({"events": [event() for _ in range(1000)]})
        started = time.monotonic()
        conn.request("POST", "/api/v1/learning/events", body, {"Content-Type": "application/json", "X-Api-Key": key})
        response = conn.getresponse()
        answer = response.read()
        took = time.monotonic() - started
        with lock:
            if response.status == 200:
                stored += json.loads(answer)["stored"]; batches += 1; latencies.append(took)
            else:
                errors.append(f"{response.status} {answer[:200]!r}")
                if len(errors) > 5:
                    return

started = time.monotonic()
threads = [threading.Thread(target=sender) for _ in range(senders)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.monotonic() - started
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0
rate = stored / elapsed
print(f"{db}: {stored:,} events stored in {elapsed:.1f} s = {rate:,.0f} events/s "
      f"({batches} batches; batch p50 {pct(0.5):.0f} ms, p99 {pct(0.99):.0f} ms; {len(errors)} errors)")
for e in errors[:3]: print("  error:", e)
if errors or rate < 5000:
    print(f"!! {db}: below the 5,000 events/s target" if not errors else f"!! {db}: errors")
    sys.exit(1)
