'use strict';
// Fills a participant's office from the tenures as soon as the person is chosen (the server fills it
// on save too). Only an empty office is filled, so a curator's choice is never overwritten.
{
    const $ = django.jQuery;

    function fillOffice(row) {
        const config = document.getElementById('office-held');
        const person = row.querySelector('select[name$="-person"]');
        const office = row.querySelector('select[name$="-office"]');
        const day = document.getElementById('id_start_date');
        const title = row.querySelector('input[name$="-title_as_reported"]');
        if (!config || !person || !person.value || !office || office.value || !day || !day.value) {
            return;
        }
        const query = new URLSearchParams({person: person.value, day: day.value, title: title ? title.value : ''});
        fetch(`${config.dataset.url}?${query}`, {credentials: 'same-origin'})
            .then((response) => response.ok ? response.json() : null)
            .then((data) => {
                if (!data || !data.office || office.value) {
                    return;
                }
                office.append(new Option(data.office.text, data.office.id, true, true));
                $(office).trigger('change');
            });
    }

    // A person who held several offices that day is resolved by the title the report used.
    $(document).on(
        'change',
        'select[name^="participations-"][name$="-person"], input[name^="participations-"][name$="-title_as_reported"]',
        function() {
            fillOffice(this.closest('tr'));
        }
    );
}
