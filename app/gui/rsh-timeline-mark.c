/* rsh-timeline-mark.c: one statement on the timeline, as an object for lists and tables
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rsh-timeline-mark.h"

#define SECONDS_PER_DAY (24 * 3600)

struct _RshTimelineMark
{
  GObject           parent_instance;

  /* owned */
  RshTimelineEvent *event;
  char             *actor_name;
  char             *claim_text;
  char             *outlet;
  char             *date_text;
  char             *description;
  RshTimeRange      range;
  RshTimeRange      about;
  guint             text_start;
  guint             text_end;
  guint             dated : 1;
  guint             has_about : 1;
  guint             open : 1;          /* only one bound is known */
};

G_DEFINE_FINAL_TYPE (RshTimelineMark, rsh_timeline_mark, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR_NAME,
  PROP_CLAIM_TEXT,
  PROP_OUTLET,
  PROP_DATE_TEXT,
  PROP_STANCE,
  PROP_STANCE_TEXT,
  PROP_LABEL,
  PROP_SOURCE_ID,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* TIMEX3 parts of a day, as hours from midnight. */
static const struct {
  const char *code;
  int         first_hour;
  int         end_hour;
} day_parts[] = {
  { "MO", 6, 12 },
  { "MI", 11, 13 },
  { "AF", 12, 18 },
  { "EV", 18, 24 },
  { "NI", 21, 30 },
  { "DT", 9, 17 },
};

/* TIMEX3 seasons and halves and quarters, as months of the year (1-based). */
static const struct {
  const char *code;
  int         first_month;
  int         n_months;
} year_parts[] = {
  { "SP", 3, 3 },
  { "SU", 6, 3 },
  { "FA", 9, 3 },
  { "WI", 12, 3 },
  { "Q1", 1, 3 },
  { "Q2", 4, 3 },
  { "Q3", 7, 3 },
  { "Q4", 10, 3 },
  { "H1", 1, 6 },
  { "H2", 7, 6 },
};

static gboolean
read_digits (const char **p,
             guint        n,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *value = v;

  return TRUE;
}

static gint64
utc_seconds (int year,
             int month,
             int day,
             int hour)
{
  g_autoptr(GDateTime) dt = NULL;

  /* Months past December roll over into the next year. */
  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;

  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (dt == NULL)
    return G_MININT64;

  return g_date_time_to_unix (dt) + (gint64) hour * 3600;
}

static gboolean
set_range (RshTimeRange *range,
           gint64        begin,
           gint64        end)
{
  if (begin == G_MININT64 || end == G_MININT64 || end <= begin)
    return FALSE;

  range->begin = begin;
  range->end = end;

  return TRUE;
}

/**
 * rsh_timeline_parse_date:
 * @iso: an ISO 8601 date or TIMEX3 value, possibly partial: `2017`, `2017-10`,
 *   `2017-10-11`, `2017-10-11T14:30Z`, `2017-W41`, `2017-Q3`, `2017-SU`, `2017-10-11TEV`,
 *   `201X` (a decade)
 * @range: (out): the stretch of time @iso covers, end exclusive
 *
 * A partial date is the whole of its unit: `2017-10` covers October 2017.
 *
 * Returns: %TRUE if @iso was understood
 */
gboolean
rsh_timeline_parse_date (const char   *iso,
                         RshTimeRange *range)
{
  const char *p = iso;
  int year, month, day;

  g_return_val_if_fail (range != NULL, FALSE);

  if (iso == NULL)
    return FALSE;

  /* Decades and centuries: 201X, 201, 20XX, 20. */
  if (strlen (iso) <= 4 && g_ascii_isdigit (iso[0]) && g_ascii_isdigit (iso[1]))
    {
      int prefix = 0;
      guint digits = 0;
      gint64 years;

      while (digits < 4 && g_ascii_isdigit (iso[digits]))
        prefix = prefix * 10 + (iso[digits++] - '0');
      for (guint i = digits; iso[i] != '\0'; i++)
        if (iso[i] != 'X')
          return FALSE;

      if (digits < 4)
        {
          years = digits == 3 ? 10 : digits == 2 ? 100 : 0;
          if (years == 0)
            return FALSE;
          year = prefix * (int) years;
          return set_range (range, utc_seconds (year, 1, 1, 0),
                            utc_seconds (year + (int) years, 1, 1, 0));
        }
    }

  if (!read_digits (&p, 4, &year) || year < 1)
    return FALSE;
  if (*p == '\0')
    return set_range (range, utc_seconds (year, 1, 1, 0), utc_seconds (year + 1, 1, 1, 0));
  if (*p++ != '-')
    return FALSE;

  /* ISO week: Monday of week 1 is the Monday on or before 4 January. */
  if (*p == 'W' && g_ascii_isdigit (p[1]))
    {
      int week;
      g_autoptr(GDateTime) jan4 = NULL;
      gint64 monday;

      p++;
      if (!read_digits (&p, 2, &week) || *p != '\0' || week < 1 || week > 53)
        return FALSE;
      jan4 = g_date_time_new_utc (year, 1, 4, 0, 0, 0);
      monday = g_date_time_to_unix (jan4) -
               (gint64) (g_date_time_get_day_of_week (jan4) - 1) * SECONDS_PER_DAY;
      monday += (gint64) (week - 1) * 7 * SECONDS_PER_DAY;
      return set_range (range, monday, monday + 7 * SECONDS_PER_DAY);
    }

  for (guint i = 0; i < G_N_ELEMENTS (year_parts); i++)
    if (strcmp (p, year_parts[i].code) == 0)
      return set_range (range, utc_seconds (year, year_parts[i].first_month, 1, 0),
                        utc_seconds (year, year_parts[i].first_month + year_parts[i].n_months,
                                     1, 0));

  if (!read_digits (&p, 2, &month) || month < 1 || month > 12)
    return FALSE;
  if (*p == '\0')
    return set_range (range, utc_seconds (year, month, 1, 0), utc_seconds (year, month + 1, 1, 0));
  if (*p++ != '-')
    return FALSE;

  if (!read_digits (&p, 2, &day) || day < 1 || day > 31)
    return FALSE;
  if (*p == '\0')
    {
      gint64 begin = utc_seconds (year, month, day, 0);

      return set_range (range, begin, begin == G_MININT64 ? begin : begin + SECONDS_PER_DAY);
    }
  if (*p != 'T')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (day_parts); i++)
    if (strcmp (p + 1, day_parts[i].code) == 0)
      return set_range (range, utc_seconds (year, month, day, day_parts[i].first_hour),
                        utc_seconds (year, month, day, day_parts[i].end_hour));

  /* A time of day: as precise as it is written, in UTC unless it names an offset. */
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) dt = NULL;
    const char *time = p + 1;
    const char *q = time;
    int fields[3] = { 0, 0, 0 };
    guint n_fields = 0;
    g_autofree char *full = NULL;
    gint64 unit;

    /* GLib wants hh:mm:ss; TIMEX3 also writes hh:mm and hh. */
    while (n_fields < 3 && read_digits (&q, 2, &fields[n_fields]))
      {
        n_fields++;
        if (*q == ':')
          q++;
      }
    if (n_fields == 0 || (q > time && q[-1] == ':'))
      return FALSE;
    if (*q == '.')
      {
        q++;
        while (g_ascii_isdigit (*q))
          q++;
      }

    unit = n_fields == 3 ? 1 : n_fields == 2 ? 60 : 3600;
    full = g_strdup_printf ("%.*s%02d:%02d:%02d%s", (int) (time - iso), iso,
                            fields[0], fields[1], fields[2], q);
    dt = g_date_time_new_from_iso8601 (full, utc);

    if (dt == NULL)
      return FALSE;

    return set_range (range, g_date_time_to_unix (dt), g_date_time_to_unix (dt) + unit);
  }
}

static gboolean
is_month_start (GDateTime *dt)
{
  return g_date_time_get_day_of_month (dt) == 1 && g_date_time_get_hour (dt) == 0 &&
         g_date_time_get_minute (dt) == 0 && g_date_time_get_second (dt) == 0;
}

/**
 * rsh_timeline_format_range:
 * @range: a range of time
 *
 * Returns: (transfer full): @range as a reader would say it: "4 March 2026",
 *   "October 2017", "2017", "4 March 2026, 14:30" or "3 – 5 March 2026"
 */
char *
rsh_timeline_format_range (const RshTimeRange *range)
{
  g_autoptr(GDateTime) begin = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) after = NULL;
  gint64 duration;

  g_return_val_if_fail (range != NULL, NULL);

  begin = g_date_time_new_from_unix_utc (range->begin);
  after = g_date_time_new_from_unix_utc (range->end);
  last = g_date_time_new_from_unix_utc (MAX (range->begin, range->end - 1));
  duration = rsh_time_range_duration (range);

  if (begin == NULL || after == NULL || last == NULL)
    return g_strdup ("?");

  if (duration < SECONDS_PER_DAY)
    {
      g_autofree char *day = g_date_time_format (begin, "%-d %B %Y");
      g_autofree char *from = g_date_time_format (begin, "%H:%M");
      g_autofree char *to = g_date_time_format (after, "%H:%M");

      if (duration <= 60)
        /* Translators: a date, then a time of day */
        return g_strdup_printf (_("%s, %s"), day, from);
      /* Translators: a date, then a range of hours */
      return g_strdup_printf (_("%s, %s – %s"), day, from, to);
    }

  if (duration == SECONDS_PER_DAY && range->begin % SECONDS_PER_DAY == 0)
    return g_date_time_format (begin, "%-d %B %Y");

  if (is_month_start (begin) && is_month_start (after))
    {
      int months = (g_date_time_get_year (after) - g_date_time_get_year (begin)) * 12 +
                   g_date_time_get_month (after) - g_date_time_get_month (begin);

      if (months == 1)
        return g_date_time_format (begin, "%B %Y");
      if (months == 12 && g_date_time_get_month (begin) == 1)
        return g_date_time_format (begin, "%Y");
      if (months % 12 == 0 && g_date_time_get_month (begin) == 1)
        /* Translators: a range of years */
        return g_strdup_printf (_("%d – %d"), g_date_time_get_year (begin),
                                g_date_time_get_year (last));
      {
        g_autofree char *from = g_date_time_format (begin, "%B %Y");
        g_autofree char *to = g_date_time_format (last, "%B %Y");

        /* Translators: a range between two months */
        return g_strdup_printf (_("%s – %s"), from, to);
      }
    }

  {
    g_autofree char *from = g_date_time_format (begin, "%-d %B %Y");
    g_autofree char *to = g_date_time_format (last, "%-d %B %Y");

    /* Translators: a range between two dates */
    return g_strdup_printf (_("%s – %s"), from, to);
  }
}

/**
 * rsh_timeline_stance_verb:
 * @stance: a stance
 *
 * Returns: the stance as a verb for a sentence, such as "denies"
 */
const char *
rsh_timeline_stance_verb (RshStance stance)
{
  switch (stance)
    {
    case RSH_STANCE_REPORTS:
      return _("reports");
    case RSH_STANCE_CONFIRMS:
      return _("confirms");
    case RSH_STANCE_DENIES:
      return _("denies");
    case RSH_STANCE_DISPUTES:
      return _("disputes");
    case RSH_STANCE_ABSENT:
      return _("does not mention");
    default:
      return _("reports");
    }
}

static void
rsh_timeline_mark_finalize (GObject *object)
{
  RshTimelineMark *self = (RshTimelineMark *)object;

  g_clear_pointer (&self->event, rsh_timeline_event_free);
  g_clear_pointer (&self->actor_name, g_free);
  g_clear_pointer (&self->claim_text, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (rsh_timeline_mark_parent_class)->finalize (object);
}

static void
rsh_timeline_mark_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RshTimelineMark *self = RSH_TIMELINE_MARK (object);

  switch (prop_id)
    {
    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name);
      break;

    case PROP_CLAIM_TEXT:
      g_value_set_string (value, self->claim_text);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    case PROP_DATE_TEXT:
      g_value_set_string (value, self->date_text);
      break;

    case PROP_STANCE:
      g_value_set_enum (value, self->event->stance);
      break;

    case PROP_STANCE_TEXT:
      g_value_set_string (value, rsh_timeline_mark_get_stance_text (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->event->label);
      break;

    case PROP_SOURCE_ID:
      g_value_set_string (value, self->event->source_id);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_timeline_mark_class_init (RshTimelineMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rsh_timeline_mark_finalize;
  object_class->get_property = rsh_timeline_mark_get_property;

  properties[PROP_ACTOR_NAME] = g_param_spec_string ("actor-name", NULL, NULL, NULL, flags);
  properties[PROP_CLAIM_TEXT] = g_param_spec_string ("claim-text", NULL, NULL, NULL, flags);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, flags);
  properties[PROP_DATE_TEXT] = g_param_spec_string ("date-text", NULL, NULL, NULL, flags);
  properties[PROP_STANCE] = g_param_spec_enum ("stance", NULL, NULL, RSH_TYPE_STANCE,
                                               RSH_STANCE_REPORTS, flags);
  properties[PROP_STANCE_TEXT] = g_param_spec_string ("stance-text", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_ID] = g_param_spec_string ("source-id", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_timeline_mark_init (RshTimelineMark *self)
{
}

/**
 * rsh_timeline_mark_new:
 * @event: the engine's event
 * @actor_name: (nullable): the speaker's name
 * @claim_text: (nullable): the claim's text
 * @outlet: (nullable): the outlet of the event's source
 * @text_start: where the statement starts in its source's text, in code points
 * @text_end: where it ends
 *
 * Returns: (transfer full): a mark with @event's dates parsed
 */
RshTimelineMark *
rsh_timeline_mark_new (const RshTimelineEvent *event,
                       const char             *actor_name,
                       const char             *claim_text,
                       const char             *outlet,
                       guint                   text_start,
                       guint                   text_end)
{
  RshTimelineMark *self;
  RshTimeRange earliest, latest;
  gboolean has_earliest, has_latest;
  g_autofree char *about_text = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (RSH_TYPE_TIMELINE_MARK, NULL);
  self->event = rsh_timeline_event_copy (event);
  self->actor_name = g_strdup (actor_name);
  self->claim_text = g_strdup (claim_text);
  self->outlet = g_strdup (outlet);
  self->text_start = text_start;
  self->text_end = text_end;

  has_earliest = rsh_timeline_parse_date (event->earliest, &earliest);
  has_latest = rsh_timeline_parse_date (event->latest, &latest);

  /* Only one bound known: the mark is as wide as that bound's own date. */
  if (has_earliest && has_latest)
    {
      self->range.begin = MIN (earliest.begin, latest.begin);
      self->range.end = MAX (earliest.end, latest.end);
    }
  else if (has_earliest)
    self->range = earliest;
  else if (has_latest)
    self->range = latest;
  self->dated = has_earliest || has_latest;
  /* An undated source's interval is often open at one end ("after the report it answers"):
   * that is no date, so say which way it runs. */
  self->open = has_earliest != has_latest && event->certainty == RSH_TIME_CERTAINTY_INFERRED;

  if (self->dated)
    {
      g_autofree char *range_text = rsh_timeline_format_range (&self->range);

      if (self->open && has_earliest)
        /* Translators: the earliest a statement can have been made */
        self->date_text = g_strdup_printf (_("%s or later"), range_text);
      else if (self->open)
        /* Translators: the latest a statement can have been made */
        self->date_text = g_strdup_printf (_("%s or earlier"), range_text);
      else
        self->date_text = g_steal_pointer (&range_text);

      if (event->certainty == RSH_TIME_CERTAINTY_INFERRED)
        {
          /* Translators: a date inferred for a source that has none */
          char *inferred = g_strdup_printf (_("%s (inferred)"), self->date_text);

          g_free (self->date_text);
          self->date_text = inferred;
        }
    }
  else
    self->date_text = g_strdup (_("Undated"));

  /* When what the statement talks about happened, apart from when it was said. */
  has_earliest = rsh_timeline_parse_date (event->about_earliest, &earliest);
  has_latest = rsh_timeline_parse_date (event->about_latest, &latest);
  if (has_earliest && has_latest)
    {
      self->about.begin = MIN (earliest.begin, latest.begin);
      self->about.end = MAX (earliest.end, latest.end);
    }
  else if (has_earliest)
    self->about = earliest;
  else if (has_latest)
    self->about = latest;
  self->has_about = has_earliest || has_latest;
  if (self->has_about)
    {
      g_autofree char *range_text = rsh_timeline_format_range (&self->about);

      /* Translators: what a statement is about, in time: its words, then their date */
      about_text = g_strdup_printf (_(" About “%s”: %s."), event->about_text, range_text);
    }

  if (outlet != NULL && outlet[0] != '\0')
    /* Translators: a statement, its date and the outlet that printed it */
    self->description = g_strdup_printf (_("%s. %s, %s"),
                                         event->label ? event->label : "",
                                         self->date_text, outlet);
  else
    /* Translators: a statement and its date */
    self->description = g_strdup_printf (_("%s. %s"),
                                         event->label ? event->label : "", self->date_text);
  if (about_text != NULL)
    {
      char *with_about = g_strconcat (self->description, ".", about_text, NULL);

      g_free (self->description);
      self->description = with_about;
    }

  return self;
}

/**
 * rsh_timeline_mark_get_event:
 * @self: a #RshTimelineMark
 *
 * Returns: (transfer none): the engine's event
 */
const RshTimelineEvent *
rsh_timeline_mark_get_event (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return self->event;
}

const char *
rsh_timeline_mark_get_actor_name (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return self->actor_name;
}

const char *
rsh_timeline_mark_get_claim_text (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return self->claim_text;
}

const char *
rsh_timeline_mark_get_outlet (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return self->outlet;
}

const char *
rsh_timeline_mark_get_date_text (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return self->date_text;
}

const char *
rsh_timeline_mark_get_stance_text (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return rsh_timeline_stance_verb (self->event->stance);
}

/**
 * rsh_timeline_mark_get_description:
 * @self: a #RshTimelineMark
 *
 * Returns: the sentence a screen reader says for the mark: the statement, its date and
 *   its outlet
 */
const char *
rsh_timeline_mark_get_description (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return self->description;
}

gboolean
rsh_timeline_mark_get_dated (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), FALSE);

  return self->dated;
}

/**
 * rsh_timeline_mark_get_uncertain:
 * @self: a #RshTimelineMark
 *
 * Returns: %TRUE if the statement is known only to within more than a day, or only on one
 *   side
 */
gboolean
rsh_timeline_mark_get_uncertain (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), FALSE);

  return self->dated && (self->open || rsh_time_range_duration (&self->range) > SECONDS_PER_DAY);
}

/**
 * rsh_timeline_mark_get_about_range:
 * @self: a #RshTimelineMark
 *
 * Returns: (nullable): the stretch of time the statement's content is about ("in 2014"),
 *   or %NULL when its content names none that can be placed
 */
const RshTimeRange *
rsh_timeline_mark_get_about_range (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return self->has_about ? &self->about : NULL;
}

/**
 * rsh_timeline_mark_get_range:
 * @self: a #RshTimelineMark
 *
 * Returns: (transfer none): the stretch of time the statement falls in; empty when undated
 */
const RshTimeRange *
rsh_timeline_mark_get_range (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), NULL);

  return &self->range;
}

guint
rsh_timeline_mark_get_text_start (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), 0);

  return self->text_start;
}

guint
rsh_timeline_mark_get_text_end (RshTimelineMark *self)
{
  g_return_val_if_fail (RSH_IS_TIMELINE_MARK (self), 0);

  return self->text_end;
}
