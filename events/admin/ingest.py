"""The admin page "New events from an article": paste, review the proposal with each fact highlighted, save.

Saving goes through ``events.services.ingest.article_drafts_create`` (drafts citing one source), as the API
and the command do. The proposal travels in a hidden field between the two steps; the service validates
everything it is sent, so an edited field is checked like any other write.
"""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

from common.models import DatePrecision
from events.ingest.drafts import drafts_from_proposal
from events.ingest.proposal import propose
from events.kinds import EventKind
from events.models import EventStatus, ParticipationRole
from events.services.ingest import ADD_PERMISSION, article_drafts_create


class ArticleForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 18, "cols": 100}), strip=False, required=False)
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")
    publisher = forms.CharField(required=False, max_length=200)
    published = forms.DateField(required=False, help_text="YYYY-MM-DD, when the text does not say.")


def highlighted(proposal: dict, text: str) -> str:
    """The text as HTML, each fact the proposal rests on in a <mark> saying what it is."""
    spans = [(s, e, "clutter", "ignored: page clutter") for s, e in proposal["ignored"]]
    for event in proposal["events"]:
        n = event["number"]
        for key, label in (("kind_span", "kind"), ("status_span", "status"), ("place_span", "place")):
            if event[key]:
                spans.append((*event[key], label, f"event {n}: {label}"))
        if event["date"] and event["date"]["text"]:
            spans.append((*event["date"]["span"], "date", f"event {n}: date {event['date']['value']}"))
    for person in proposal["people"]:
        who = person["person"]["name"] if person["person"] else "unknown: candidate for a new record"
        if person["title_span"]:
            spans.append((*person["title_span"], "title", f"title: {person['title_as_reported']}"))
        spans.append((*person["span"], "person", who))
    spans += [(*t["span"], "topic", f"topic: {t['name']}") for t in proposal["topics"]]
    spans += [(*c["span"], "country", f"country: {c['iso2']}") for c in proposal["countries"]]
    for key in ("headline", "byline", "agency", "published_on", "dateline"):
        if proposal["source"][key]["span"]:
            spans.append((*proposal["source"][key]["span"], "source", f"source: {key}"))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out, cursor = [], 0
    for start, end, kind, label in spans:
        if start < cursor:
            continue  # inside a fact already marked
        out.append(escape(text[cursor:start]))
        out.append(f'<mark class="fact fact-{kind}" title="{escape(label)}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped above


def _edited(proposal: dict, post) -> dict:
    """The drafts of the ticked events, with the curator's corrections from the review form."""
    chosen = [e["number"] for e in proposal["events"] if post.get(f"event-{e['number']}-save")]
    drafts = drafts_from_proposal(proposal, chosen)
    for key in drafts["source"]:
        if f"source-{key}" in post:
            drafts["source"][key] = post.get(f"source-{key}") or ("" if key != "published_on" else None)
    for number, draft in zip(chosen, drafts["events"], strict=True):
        for key in ("title", "slug", "kind", "status", "start_date", "start_precision", "city", "country", "venue"):
            if f"event-{number}-{key}" in post:
                value = post.get(f"event-{number}-{key}", "").strip()
                draft[key] = (value or None) if key in ("country", "start_date") else value
        kept = []
        for k, participant in enumerate(draft["participants"]):
            if post.get(f"event-{number}-p{k}-keep"):
                participant["role"] = post.get(f"event-{number}-p{k}-role") or participant["role"]
                kept.append(participant)
        draft["participants"] = kept
    return drafts


def article_view(model_admin, request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(ADD_PERMISSION):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "New events from an article",
        "kinds": EventKind.choices,
        "statuses": EventStatus.choices,
        "roles": ParticipationRole.choices,
        "precisions": DatePrecision.choices,
    }
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and request.POST.get("step") == "save":
        try:
            proposal = json.loads(request.POST.get("proposal") or "")
            text = request.POST.get("text", "")
            drafts = _edited(proposal, request.POST)
            saved = article_drafts_create(drafts=drafts, user=request.user)
        except (ValueError, KeyError, TypeError):
            messages.error(request, "The review form was incomplete; paste the article again.")
            return HttpResponseRedirect(request.path)
        except ValidationError as exc:
            detail = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            context.update(form=form, proposal=proposal, text=text, marked=highlighted(proposal, text))
            context["save_errors"] = [f"{k}: {' '.join(v)}" if k else " ".join(v) for k, v in detail.items()]
            return TemplateResponse(request, "admin/events/event/from_article.html", context)
        names = ", ".join(e.title for e in saved.events)
        messages.success(request, f"Saved {len(saved.events)} draft event(s) citing “{saved.source}”: {names}.")
        return HttpResponseRedirect(reverse("admin:events_event_changelist") + "?review_state__exact=draft")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proposal = propose(data["text"], url=data["url"], publisher=data["publisher"], published=data["published"])
        except ValidationError as exc:
            form.add_error("text", exc.message_dict.get("text", exc.messages))
        else:
            context.update(proposal=proposal, text=data["text"], marked=highlighted(proposal, data["text"]))
            context["proposal_json"] = json.dumps(proposal)
    context.setdefault("proposal_json", json.dumps(context.get("proposal")) if context.get("proposal") else "")
    context["form"] = form
    return TemplateResponse(request, "admin/events/event/from_article.html", context)
