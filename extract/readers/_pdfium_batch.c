/* Optional accelerator of the PDF reader: pdfium's per-character and per-segment
 * calls in C loops.
 *
 * Why: from Python every pdfium call goes through ctypes at ~0.5 us, while the
 * C function itself takes ~0.02 us; a page with a table asks a box for each of
 * its ~2,000 characters and four values for each path segment. These loops make
 * the same calls, in the same order, and do the same double arithmetic as the
 * pure-Python code in pdf.py (which stays as the fallback: the output must be
 * byte-identical, tests/test_pdfium_batch.py and test_readers_r8.py compare both). The pdfium
 * functions are passed in as addresses taken from pypdfium2, so nothing here
 * links against pdfium.
 *
 * Floating point: no contraction into fused multiply-adds (setup.py adds
 * -ffp-contract=off for gcc/clang), so every product and sum is rounded as
 * Python rounds it.
 */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

typedef struct { float left, top, right, bottom; } rect_f;
typedef struct { float a, b, c, d, e, f; } matrix_f;

typedef int (*char_box_fn)(void *, int, rect_f *);

typedef int (*count_objects_fn)(void *);
typedef void *(*get_object_fn)(void *, int);
typedef int (*object_type_fn)(void *);
typedef int (*object_matrix_fn)(void *, matrix_f *);
typedef void *(*form_get_object_fn)(void *, unsigned long);
typedef void *(*path_segment_fn)(void *, int);
typedef int (*segment_point_fn)(void *, float *, float *);
typedef int (*segment_int_fn)(void *);

static void *address_of(PyObject *number) {
    return PyLong_AsVoidPtr(number);
}

typedef float (*char_angle_fn)(void *, int);
typedef unsigned int (*char_unicode_fn)(void *, int);

/* One table's grid for cell_texts: its box, boundaries and grid slot -> cell number (-1: none). */
typedef struct {
    double x0, y0, x1, y1;
    Py_ssize_t n_xs, n_ys;
    double *xs, *ys;
    long *slots;   /* (n_ys - 1) x (n_xs - 1), row-major */
} cell_grid;

/* bisect.bisect_right(values, x) - 1 */
static Py_ssize_t slot_of(const double *values, Py_ssize_t n, double x) {
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (x < values[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo - 1;
}

/* pdf.py's upright test: math.degrees(angle) % 90 within 2 degrees of 0 or 90, with Python's
 * math.degrees (x / (pi / 180)) and float modulo (the sign of the divisor) */
static int upright(float angle) {
    static const double deg_to_rad = 3.14159265358979323846 / 180.0;
    double degrees = (double)angle / deg_to_rad;
    double mod = fmod(degrees, 90.0);
    if (mod) {
        if (mod < 0)
            mod += 90.0;
    } else {
        mod = copysign(0.0, 90.0);
    }
    return mod < 2 || 90.0 - mod < 2;
}

static double *doubles_of(PyObject *sequence, Py_ssize_t *n) {
    PyObject *fast = PySequence_Fast(sequence, "expected a sequence of numbers");
    if (!fast)
        return NULL;
    *n = PySequence_Fast_GET_SIZE(fast);
    double *values = PyMem_Malloc(sizeof(double) * (*n > 0 ? *n : 1));
    if (!values) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t k = 0; k < *n; k++)
        values[k] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast, k));
    Py_DECREF(fast);
    if (PyErr_Occurred()) {
        PyMem_Free(values);
        return NULL;
    }
    return values;
}

static void free_grids(cell_grid *grids, Py_ssize_t n) {
    for (Py_ssize_t g = 0; g < n; g++) {
        PyMem_Free(grids[g].xs);
        PyMem_Free(grids[g].ys);
        PyMem_Free(grids[g].slots);
    }
    PyMem_Free(grids);
}

/* grids: per table (x0, y0, x1, y1, xs, ys, slots) with slots a sequence of cell numbers
 * (-1 for none), row-major over (len(ys) - 1) x (len(xs) - 1) */
/* The box around every grid: a character centred outside it is in no table (checked first). */
typedef struct { double x0, y0, x1, y1; } extent_f;

static extent_f extent_of(const cell_grid *grids, Py_ssize_t n_grids) {
    extent_f e = {0, 0, 0, 0};
    for (Py_ssize_t g = 0; g < n_grids; g++) {
        if (g == 0 || grids[g].x0 < e.x0) e.x0 = grids[g].x0;
        if (g == 0 || grids[g].y0 < e.y0) e.y0 = grids[g].y0;
        if (g == 0 || grids[g].x1 > e.x1) e.x1 = grids[g].x1;
        if (g == 0 || grids[g].y1 > e.y1) e.y1 = grids[g].y1;
    }
    return e;
}

/* The cell a centre (cx, cy) falls in, -1 for none; *table is its grid. The first grid whose box
   holds the centre decides, even when it has no cell there (as the Python loop's break does). */
static long cell_of(const cell_grid *grids, Py_ssize_t n_grids, double cx, double cy, Py_ssize_t *table) {
    for (Py_ssize_t g = 0; g < n_grids; g++) {
        const cell_grid *grid = &grids[g];
        if (!(grid->x0 <= cx && cx < grid->x1 && grid->y0 <= cy && cy < grid->y1))
            continue;
        *table = g;
        Py_ssize_t row = slot_of(grid->ys, grid->n_ys, cy), column = slot_of(grid->xs, grid->n_xs, cx);
        if (row >= 0 && row < grid->n_ys - 1 && column >= 0 && column < grid->n_xs - 1)
            return grid->slots[row * (grid->n_xs - 1) + column];
        return -1;
    }
    return -1;
}

static cell_grid *grids_of(PyObject *sequence, Py_ssize_t *n) {
    PyObject *fast = PySequence_Fast(sequence, "expected a sequence of grids");
    if (!fast)
        return NULL;
    *n = PySequence_Fast_GET_SIZE(fast);
    cell_grid *grids = PyMem_Calloc(*n > 0 ? *n : 1, sizeof(cell_grid));
    if (!grids) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t g = 0; g < *n; g++) {
        cell_grid *grid = &grids[g];
        PyObject *xs, *ys, *slots;
        if (!PyArg_ParseTuple(PySequence_Fast_GET_ITEM(fast, g), "ddddOOO", &grid->x0, &grid->y0, &grid->x1,
                              &grid->y1, &xs, &ys, &slots))
            goto fail;
        Py_ssize_t n_slots;
        double *slot_values;
        if (!(grid->xs = doubles_of(xs, &grid->n_xs)) || !(grid->ys = doubles_of(ys, &grid->n_ys))
            || !(slot_values = doubles_of(slots, &n_slots)))
            goto fail;
        if (grid->n_xs < 2 || grid->n_ys < 2 || n_slots != (grid->n_xs - 1) * (grid->n_ys - 1)) {
            PyMem_Free(slot_values);
            PyErr_SetString(PyExc_ValueError, "a grid needs (len(ys) - 1) * (len(xs) - 1) slots");
            goto fail;
        }
        grid->slots = PyMem_Malloc(sizeof(long) * n_slots);
        if (!grid->slots) {
            PyMem_Free(slot_values);
            PyErr_NoMemory();
            goto fail;
        }
        for (Py_ssize_t k = 0; k < n_slots; k++)
            grid->slots[k] = (long)slot_values[k];
        PyMem_Free(slot_values);
    }
    Py_DECREF(fast);
    return grids;
fail:
    Py_DECREF(fast);
    free_grids(grids, *n);
    return NULL;
}

typedef double (*font_size_fn)(void *, int);
typedef int (*char_matrix_fn)(void *, int, matrix_f *);
typedef int (*char_int_fn)(void *, int);
typedef int (*char_origin_fn)(void *, int, double *, double *);

/* The pdfium functions and constants page_segments needs, in the order of its first argument. */
typedef struct {
    count_objects_fn count_objects;
    get_object_fn get_object;
    object_type_fn object_type;
    object_matrix_fn object_matrix;
    count_objects_fn form_count_objects;
    form_get_object_fn form_get_object;
    count_objects_fn count_segments;
    path_segment_fn segment_at;
    segment_point_fn segment_point;
    segment_int_fn segment_type;
    segment_int_fn segment_closes;
    int path, form, move_to, line_to;
    double axis;
    PyObject *horizontal, *vertical;
} segment_walk;

typedef struct { double a, b, c, d, e, f; } matrix_d;

/* first m, then outer: pdf.py's _mat_mul */
static matrix_d compose(matrix_d m, matrix_d o) {
    matrix_d r;
    r.a = m.a * o.a + m.b * o.c;
    r.b = m.a * o.b + m.b * o.d;
    r.c = m.c * o.a + m.d * o.c;
    r.d = m.c * o.b + m.d * o.d;
    r.e = m.e * o.a + m.f * o.c + o.e;
    r.f = m.e * o.b + m.f * o.d + o.f;
    return r;
}

static int append_edge(PyObject *edges, double position, double low, double high) {
    PyObject *edge = Py_BuildValue("(ddd)", position, low, high);
    if (!edge)
        return -1;
    int status = PyList_Append(edges, edge);
    Py_DECREF(edge);
    return status;
}

/* pdf.py's _add_segment: keep p -> q when horizontal or vertical within the axis tolerance */
static int add_segment(segment_walk *w, double x0, double y0, double x1, double y1) {
    double dx = fabs(x1 - x0), dy = fabs(y1 - y0);
    if (dy <= w->axis && dx > w->axis)
        return x0 < x1 ? append_edge(w->horizontal, (y0 + y1) / 2, x0, x1)
                       : append_edge(w->horizontal, (y0 + y1) / 2, x1, x0);
    if (dx <= w->axis && dy > w->axis)
        return y0 < y1 ? append_edge(w->vertical, (x0 + x1) / 2, y0, y1)
                       : append_edge(w->vertical, (x0 + x1) / 2, y1, y0);
    return 0;
}

static int visit_path(segment_walk *w, void *obj, matrix_d m) {
    int have_start = 0, have_prev = 0;
    double start_x = 0, start_y = 0, prev_x = 0, prev_y = 0;
    int count = w->count_segments(obj);
    for (int k = 0; k < count; k++) {
        void *seg = w->segment_at(obj, k);
        float x, y;
        if (!w->segment_point(seg, &x, &y))
            continue;
        double px = m.a * x + m.c * y + m.e;
        double py = -(m.b * x + m.d * y + m.f);
        int kind = w->segment_type(seg);
        if (kind == w->move_to) {
            start_x = prev_x = px;
            start_y = prev_y = py;
            have_start = have_prev = 1;
            continue;
        }
        if (kind == w->line_to && have_prev && add_segment(w, prev_x, prev_y, px, py) < 0)
            return -1;
        prev_x = px;
        prev_y = py;
        have_prev = 1;
        if (w->segment_closes(seg) && have_start) {
            if (add_segment(w, px, py, start_x, start_y) < 0)
                return -1;
            prev_x = start_x;
            prev_y = start_y;
        }
    }
    return 0;
}

static int visit(segment_walk *w, void *obj, const matrix_d *outer, int depth) {
    int kind = w->object_type(obj);
    if (kind != w->path && kind != w->form)
        return 0;
    matrix_f own;
    matrix_d m = {1.0, 0.0, 0.0, 1.0, 0.0, 0.0};
    if (w->object_matrix(obj, &own)) {
        m.a = own.a; m.b = own.b; m.c = own.c; m.d = own.d; m.e = own.e; m.f = own.f;
    }
    if (outer)
        m = compose(m, *outer);
    if (kind == w->path)
        return visit_path(w, obj, m);
    if (depth > 1000) {   /* the Python walk would hit its recursion limit at about this depth */
        PyErr_SetString(PyExc_RecursionError, "form XObjects nested too deeply");
        return -1;
    }
    int count = w->form_count_objects(obj);
    for (int k = 0; k < count; k++)
        if (visit(w, w->form_get_object(obj, (unsigned long)k), &m, depth + 1) < 0)
            return -1;
    return 0;
}

/* page_segments(functions, constants, page) -> (horizontal, vertical)
 *
 * functions: addresses of FPDFPage_CountObjects, FPDFPage_GetObject, FPDFPageObj_GetType,
 * FPDFPageObj_GetMatrix, FPDFFormObj_CountObjects, FPDFFormObj_GetObject,
 * FPDFPath_CountSegments, FPDFPath_GetPathSegment, FPDFPathSegment_GetPoint,
 * FPDFPathSegment_GetType, FPDFPathSegment_GetClose; constants: (FPDF_PAGEOBJ_PATH,
 * FPDF_PAGEOBJ_FORM, FPDF_SEGMENT_MOVETO, FPDF_SEGMENT_LINETO, axis tolerance).
 * The same walk, in the same order, as pdf.py's _page_segments. */
static PyObject *page_segments(PyObject *self, PyObject *args) {
    PyObject *functions, *page_address;
    segment_walk w;
    if (!PyArg_ParseTuple(args, "O!(iiiid)O", &PyTuple_Type, &functions, &w.path, &w.form, &w.move_to,
                          &w.line_to, &w.axis, &page_address))
        return NULL;
    if (PyTuple_GET_SIZE(functions) != 11) {
        PyErr_SetString(PyExc_ValueError, "page_segments needs 11 function addresses");
        return NULL;
    }
    void *fn[11];
    for (int k = 0; k < 11; k++)
        fn[k] = address_of(PyTuple_GET_ITEM(functions, k));
    void *page = address_of(page_address);
    if (PyErr_Occurred())
        return NULL;
    w.count_objects = (count_objects_fn)fn[0];
    w.get_object = (get_object_fn)fn[1];
    w.object_type = (object_type_fn)fn[2];
    w.object_matrix = (object_matrix_fn)fn[3];
    w.form_count_objects = (count_objects_fn)fn[4];
    w.form_get_object = (form_get_object_fn)fn[5];
    w.count_segments = (count_objects_fn)fn[6];
    w.segment_at = (path_segment_fn)fn[7];
    w.segment_point = (segment_point_fn)fn[8];
    w.segment_type = (segment_int_fn)fn[9];
    w.segment_closes = (segment_int_fn)fn[10];
    w.horizontal = PyList_New(0);
    w.vertical = PyList_New(0);
    if (!w.horizontal || !w.vertical)
        goto fail;
    int count = w.count_objects(page);
    for (int i = 0; i < count; i++)
        if (visit(&w, w.get_object(page, i), NULL, 0) < 0)
            goto fail;
    return Py_BuildValue("(NN)", w.horizontal, w.vertical);
fail:
    Py_XDECREF(w.horizontal);
    Py_XDECREF(w.vertical);
    return NULL;
}

/* ---- round 8: a cell's characters joined, and a page's lines with their styles ---------------- */

static int is_space_code(long code) {
    return code == 9 || code == 10 || code == 13 || code == 32 || code == 0xA0;   /* pdf.py _WHITESPACE_CODES */
}

/* One character given to a cell. */
typedef struct {
    Py_ssize_t table;
    long cell;
    int index;
    Py_UCS4 code;
    double left, right, bottom, top;
} cell_char;

/* The text of one cell's characters (pdf.py _cell_chars_text): the page's own whitespace between
 * two of them becomes one space or line break, a lower next character a line break, other cells'
 * characters in between or a visible gap a space. */
static PyObject *joined_text(const cell_char *chars, Py_ssize_t n, const long *codes, Py_UCS4 *buffer) {
    Py_ssize_t length = 0;
    buffer[length++] = chars[0].code;
    for (Py_ssize_t k = 1; k < n; k++) {
        const cell_char *a = &chars[k - 1], *b = &chars[k];
        int between = b->index > a->index + 1, all_space = between, line_break = 0;
        for (int m = a->index + 1; m < b->index && all_space; m++) {
            if (!is_space_code(codes[m]))
                all_space = 0;
            else if (codes[m] == 10 || codes[m] == 13)
                line_break = 1;
        }
        if (all_space) {
            /* "\n" if 10 or 13 is anywhere in between: the scan above stopped at the end */
            buffer[length++] = line_break ? '\n' : ' ';
        } else {
            double middle = (b->bottom + b->top) / 2;
            if (!(a->bottom <= middle && middle <= a->top))
                buffer[length++] = '\n';
            else if (between || b->left - a->right > 0.2 * (a->top - a->bottom))
                buffer[length++] = ' ';
        }
        buffer[length++] = b->code;
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, length);
}

static int by_cell(const void *x, const void *y) {
    const cell_char *a = x, *b = y;
    if (a->table != b->table)
        return a->table < b->table ? -1 : 1;
    if (a->cell != b->cell)
        return a->cell < b->cell ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;   /* pdfium order within a cell */
}

/* cell_texts(box_fn, angle_fn, textpage, codes, grids, cell_counts[, unicode_fn]) -> per table a
 * list of cell_counts[t] entries: the joined text of that cell's characters, or None without any.
 *
 * pdf.py's _chars_by_cell_python and _cell_chars_text in one pass: the same assignment of upright,
 * non-whitespace characters to cells (codes: every character's code, from _PageText.codes(); or,
 * for an aligned page, its text, from which the codes are read as _PageText.codes() reads them:
 * a character's code is its own, U+FFFE asked of pdfium through unicode_fn), then the same joins. */
static PyObject *cell_texts(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *box_address, *angle_address, *page_address, *code_list, *grid_list, *count_list;
    PyObject *unicode_address = NULL;
    if (!PyArg_ParseTuple(args, "OOOOOO|O", &box_address, &angle_address, &page_address, &code_list, &grid_list,
                          &count_list, &unicode_address))
        return NULL;
    char_box_fn box_of = (char_box_fn)address_of(box_address);
    char_angle_fn angle_of = (char_angle_fn)address_of(angle_address);
    void *textpage = address_of(page_address);
    if (PyErr_Occurred())
        return NULL;
    int from_text = PyUnicode_Check(code_list);
    if (from_text && !unicode_address) {
        PyErr_SetString(PyExc_TypeError, "codes read from the page text need unicode_fn");
        return NULL;
    }
    char_unicode_fn unicode_of = from_text ? (char_unicode_fn)address_of(unicode_address) : NULL;
    if (PyErr_Occurred())
        return NULL;
    PyObject *codes_fast = from_text ? (Py_INCREF(code_list), code_list)
                                     : PySequence_Fast(code_list, "codes must be a sequence");
    if (!codes_fast)
        return NULL;
    Py_ssize_t n = from_text ? PyUnicode_GET_LENGTH(codes_fast) : PySequence_Fast_GET_SIZE(codes_fast);
    long *codes = PyMem_Malloc(sizeof(long) * (n > 0 ? n : 1));
    cell_char *found = PyMem_Malloc(sizeof(cell_char) * (n > 0 ? n : 1));
    Py_UCS4 *buffer = PyMem_Malloc(sizeof(Py_UCS4) * (2 * n + 1));
    PyObject *result = NULL, *counts_fast = NULL;
    cell_grid *grids = NULL;
    Py_ssize_t n_grids = 0, n_found = 0;
    if (!codes || !found || !buffer) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < n && from_text; k++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(codes_fast, k);
        codes[k] = ch == 0xFFFE ? (long)unicode_of(textpage, (int)k) : (long)ch;   /* pdfium's mark */
    }
    for (Py_ssize_t k = 0; k < n && !from_text; k++) {
        codes[k] = PyLong_AsLong(PySequence_Fast_GET_ITEM(codes_fast, k));
        if (codes[k] == -1 && PyErr_Occurred())
            goto done;
    }
    if (!(grids = grids_of(grid_list, &n_grids)))
        goto done;
    counts_fast = PySequence_Fast(count_list, "cell_counts must be a sequence");
    if (!counts_fast)
        goto done;
    if (PySequence_Fast_GET_SIZE(counts_fast) != n_grids) {
        PyErr_SetString(PyExc_ValueError, "one cell count per grid");
        goto done;
    }
    extent_f extent = extent_of(grids, n_grids);
    for (int i = 0; i < n && n_grids; i++) {
        if (is_space_code(codes[i]))
            continue;
        rect_f box;
        if (!box_of(textpage, i, &box))
            continue;
        double left = box.left, top = box.top, right = box.right, bottom = box.bottom;
        double cx = (left + right) / 2, cy = (-(bottom + top)) / 2;
        if (!(extent.x0 <= cx && cx < extent.x1 && extent.y0 <= cy && cy < extent.y1))
            continue;
        Py_ssize_t g = -1;
        long cell = cell_of(grids, n_grids, cx, cy, &g);
        if (cell >= 0 && upright(angle_of(textpage, i))) {
            if (codes[i] < 0 || codes[i] > 0x10FFFF) {
                PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
                goto done;
            }
            cell_char *c = &found[n_found++];
            c->table = g;
            c->cell = cell;
            c->index = i;
            c->code = (Py_UCS4)codes[i];
            c->left = left;
            c->right = right;
            c->bottom = bottom;
            c->top = top;
        }
    }
    qsort(found, (size_t)n_found, sizeof(cell_char), by_cell);
    result = PyList_New(n_grids);
    if (!result)
        goto done;
    Py_ssize_t next = 0;
    for (Py_ssize_t g = 0; g < n_grids; g++) {
        Py_ssize_t cells = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(counts_fast, g));
        if (cells < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a cell count is not negative");
            Py_CLEAR(result);
            goto done;
        }
        PyObject *texts = PyList_New(cells);
        if (!texts) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, g, texts);
        for (Py_ssize_t k = 0; k < cells; k++) {
            Py_INCREF(Py_None);
            PyList_SET_ITEM(texts, k, Py_None);
        }
        while (next < n_found && found[next].table == g) {
            Py_ssize_t first = next;
            long cell = found[next].cell;
            while (next < n_found && found[next].table == g && found[next].cell == cell)
                next++;
            if (cell >= cells) {
                PyErr_SetString(PyExc_ValueError, "a slot names a cell beyond the table's count");
                Py_CLEAR(result);
                goto done;
            }
            PyObject *text = joined_text(&found[first], next - first, codes, buffer);
            if (!text) {
                Py_CLEAR(result);
                goto done;
            }
            PyList_SetItem(texts, cell, text);   /* steals text, drops the None */
        }
    }
done:
    Py_DECREF(codes_fast);
    Py_XDECREF(counts_fast);
    if (grids)
        free_grids(grids, n_grids);
    PyMem_Free(codes);
    PyMem_Free(found);
    PyMem_Free(buffer);
    return result;
}

typedef int (*char_index_fn)(void *, int);

/* pow through a pointer: the compiler must not turn pow(x, 2) into x * x or pow(x, 0.5) into
 * sqrt(x), since Python's float ** calls the C library's pow and the results must be the same */
static double (*volatile pow_of)(double, double) = pow;

/* Python's round(x) for a float (half to even), as float_round does it; -1 with an error set when
 * Python's round would raise */
static int python_round(double x, double *out) {
    if (isnan(x)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return -1;
    }
    if (isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return -1;
    }
    double rounded = round(x);
    if (fabs(x - rounded) == 0.5)
        rounded = 2.0 * round(x / 2.0);
    *out = rounded;
    return 0;
}

/* page_lines(functions, textpage, text, aligned) -> [(stripped, None) | (stripped, plain, size, bold,
 * x0, x1, top, bottom, base, end_base)], or None when a character box is missing (pdf.py then reads
 * the page through ctypes, which raises as before).
 *
 * functions: addresses of FPDFText_GetFontSize, FPDFText_GetMatrix, FPDFText_GetFontWeight,
 * FPDFText_GetLooseCharBox, FPDFText_GetCharOrigin, FPDFText_GetCharIndexFromTextIndex.
 * pdf.py's _line_spans and _page_lines' per-line values: the text's lines (split at \r\n, \r
 * and \n), stripped of Python's whitespace, each with the style of its first and the box and
 * baseline of its last character, asked in the order and computed with the arithmetic of the
 * Python loop (aligned: a text index is the character index). */
static PyObject *page_lines(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *functions, *page_address, *text;
    int aligned;
    if (!PyArg_ParseTuple(args, "O!OUp", &PyTuple_Type, &functions, &page_address, &text, &aligned))
        return NULL;
    if (PyTuple_GET_SIZE(functions) != 6) {
        PyErr_SetString(PyExc_ValueError, "page_lines needs 6 function addresses");
        return NULL;
    }
    font_size_fn font_size = (font_size_fn)address_of(PyTuple_GET_ITEM(functions, 0));
    char_matrix_fn char_matrix = (char_matrix_fn)address_of(PyTuple_GET_ITEM(functions, 1));
    char_int_fn font_weight = (char_int_fn)address_of(PyTuple_GET_ITEM(functions, 2));
    char_box_fn box_of = (char_box_fn)address_of(PyTuple_GET_ITEM(functions, 3));
    char_origin_fn origin_of = (char_origin_fn)address_of(PyTuple_GET_ITEM(functions, 4));
    char_index_fn char_index = (char_index_fn)address_of(PyTuple_GET_ITEM(functions, 5));
    void *textpage = address_of(page_address);
    if (PyErr_Occurred())
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *lines = PyList_New(0);
    if (!lines)
        return NULL;
    Py_ssize_t pos = 0;
    while (pos <= length) {
        Py_ssize_t end = pos, next;
        while (end < length) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, end);
            if (ch == '\n' || ch == '\r')
                break;
            end++;
        }
        if (end >= length)
            next = length + 1;   /* the last line: no break after it */
        else if (PyUnicode_READ(kind, data, end) == '\r' && end + 1 < length
                 && PyUnicode_READ(kind, data, end + 1) == '\n')
            next = end + 2;
        else
            next = end + 1;
        Py_ssize_t first = pos, last = end;   /* [first, last): the line without outer whitespace */
        while (first < last && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, first)))
            first++;
        while (last > first && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, last - 1)))
            last--;
        pos = next;
        if (first == last)
            continue;
        int ci = aligned ? (int)first : char_index(textpage, (int)first);
        int cj = aligned ? (int)(last - 1) : char_index(textpage, (int)(last - 1));
        /* plain: ASCII without a tab, a double space or pdfium's \x02 mark, which pdf.py's space
         * collapse and soft-hyphen resolution leave as it is (they are skipped for it) */
        int plain = 1;
        for (Py_ssize_t k = first; k < last && plain; k++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, k);
            if (ch >= 128 || ch == '\t' || ch == 2 || (ch == ' ' && k + 1 < last && PyUnicode_READ(kind, data, k + 1) == ' '))
                plain = 0;
        }
        PyObject *stripped = PyUnicode_Substring(text, first, last), *line;
        if (!stripped)
            goto fail;
        if (ci < 0) {
            line = Py_BuildValue("(NO)", stripped, Py_None);
        } else {
            double size = font_size(textpage, ci);
            matrix_f m;
            if (char_matrix(textpage, ci, &m)) {
                double c = m.c, d = m.d;
                double scale = pow_of(pow_of(c, 2.0) + pow_of(d, 2.0), 0.5);
                if (scale > 0)
                    size *= scale;
            }
            int bold = font_weight(textpage, ci) >= 600 && font_weight(textpage, cj >= 0 ? cj : ci) >= 600;
            rect_f box, last_box;
            if (!box_of(textpage, ci, &box) || (cj >= 0 && !box_of(textpage, cj, &last_box))) {
                Py_DECREF(stripped);
                Py_DECREF(lines);
                Py_RETURN_NONE;
            }
            double l = box.left, t = box.top, r = box.right, b = box.bottom;
            double r2 = cj >= 0 ? (double)last_box.right : r;
            double x, y, base = b, end_base;
            if (origin_of(textpage, ci, &x, &y))
                base = y;
            end_base = base;
            if (cj >= 0 && origin_of(textpage, cj, &x, &y))
                end_base = y;
            double rounded;
            if (python_round(size * 2, &rounded) < 0) {
                Py_DECREF(stripped);
                goto fail;
            }
            line = Py_BuildValue("(NOdOdddddd)", stripped, plain ? Py_True : Py_False, rounded / 2,
                                 bold ? Py_True : Py_False, l,
                                 r2 > r ? r2 : r, t, b, base, end_base);
        }
        if (!line || PyList_Append(lines, line) < 0) {
            Py_XDECREF(line);
            goto fail;
        }
        Py_DECREF(line);
    }
    return lines;
fail:
    Py_DECREF(lines);
    return NULL;
}

/* ---- round 11: a page and its text page loaded and closed in one call each ------------------- */

typedef void *(*load_page_fn)(void *, int);
typedef void *(*load_text_page_fn)(void *);
typedef int (*count_chars_fn)(void *);
typedef int (*get_text_fn)(void *, int, int, unsigned short *);
typedef float (*page_height_fn)(void *);
typedef void (*close_fn)(void *);

/* pypdfium2's get_text_range(0, count): the characters from the first to the last that have a text
 * index (_get_active_text_range), FPDFText_GetText into a buffer one longer than their text
 * span, decoded as UTF-16-LE with errors="ignore" up to (not with) the terminating NUL. */
static PyObject *page_text(get_text_fn get_text, char_index_fn text_index, void *textpage, int count) {
    int first = 0, last = count - 1, t_start = -1, t_end = -1;
    while (first <= last && (t_start = text_index(textpage, first)) == -1)
        first++;
    while (first <= last && (t_end = text_index(textpage, last)) == -1)
        last--;
    if (first > last)
        return PyUnicode_FromStringAndSize("", 0);
    Py_ssize_t in_count = (Py_ssize_t)t_end + 2 - t_start;
    if (in_count <= 0) {
        PyErr_SetString(PyExc_ValueError, "pdfium's text indices fall");
        return NULL;
    }
    unsigned short *buffer = PyMem_Calloc((size_t)in_count, sizeof(unsigned short));
    if (!buffer)
        return PyErr_NoMemory();
    int out_count = get_text(textpage, first, last - first + 1, buffer);
    if (out_count > in_count) {
        PyMem_Free(buffer);
        PyErr_Format(PyExc_AssertionError, "Buffer too small: %zd vs %d", in_count, out_count);
        return NULL;
    }
    /* memoryview(buffer)[:out_count - 1], a Python slice: a negative end counts from the end */
    Py_ssize_t stop = (Py_ssize_t)out_count - 1;
    if (stop < 0)
        stop = stop + in_count < 0 ? 0 : stop + in_count;
    int byteorder = -1;
    PyObject *text = PyUnicode_DecodeUTF16((const char *)buffer, stop * 2, "ignore", &byteorder);
    PyMem_Free(buffer);
    return text;
}

/* load_page(functions, document, index) -> (page, textpage, count, text, aligned, height), or an
 * int when pdfium fails: 1 no page, 2 no text page, 3 no character count (whatever was loaded is
 * closed again; pdf.py raises pypdfium2's error for it).
 *
 * functions: addresses of FPDF_LoadPage, FPDFText_LoadPage, FPDFText_CountChars,
 * FPDFText_GetTextIndexFromCharIndex, FPDFText_GetText, FPDF_GetPageHeightF, FPDFText_ClosePage,
 * FPDF_ClosePage.
 * What pypdfium2's get_page, get_textpage, count_chars, get_text_range(0, count) and get_height
 * do, and pdf.py's _PageText with them (aligned: one text entry per character, the last
 * character's text index its own), without a Python object per page or per call. */
static PyObject *load_page(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *functions, *document_address;
    int index;
    if (!PyArg_ParseTuple(args, "O!Oi", &PyTuple_Type, &functions, &document_address, &index))
        return NULL;
    if (PyTuple_GET_SIZE(functions) != 8) {
        PyErr_SetString(PyExc_ValueError, "load_page needs 8 function addresses");
        return NULL;
    }
    void *fn[8];
    for (int k = 0; k < 8; k++)
        fn[k] = address_of(PyTuple_GET_ITEM(functions, k));
    void *document = address_of(document_address);
    if (PyErr_Occurred())
        return NULL;
    get_text_fn get_text = (get_text_fn)fn[4];
    char_index_fn text_index = (char_index_fn)fn[3];
    void *page = ((load_page_fn)fn[0])(document, index);
    if (!page)
        return PyLong_FromLong(1);
    void *textpage = ((load_text_page_fn)fn[1])(page);
    if (!textpage) {
        ((close_fn)fn[7])(page);
        return PyLong_FromLong(2);
    }
    int count = ((count_chars_fn)fn[2])(textpage);
    if (count == -1) {
        ((close_fn)fn[6])(textpage);
        ((close_fn)fn[7])(page);
        return PyLong_FromLong(3);
    }
    if (count < 0)
        count = 0;
    PyObject *text = page_text(get_text, text_index, textpage, count);
    if (!text) {
        ((close_fn)fn[6])(textpage);
        ((close_fn)fn[7])(page);
        return NULL;
    }
    int aligned = PyUnicode_GET_LENGTH(text) == count && count > 0 && text_index(textpage, count - 1) == count - 1;
    double height = ((page_height_fn)fn[5])(page);
    return Py_BuildValue("(NNiNOd)", PyLong_FromVoidPtr(page), PyLong_FromVoidPtr(textpage), count, text,
                         aligned ? Py_True : Py_False, height);
}

/* close_page(functions, page, textpage): FPDFText_ClosePage(textpage), then FPDF_ClosePage(page)
 * (functions: the last two of load_page's). */
static PyObject *close_page(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text_close, *page_close, *page_address, *text_address;
    if (!PyArg_ParseTuple(args, "(OO)OO", &text_close, &page_close, &page_address, &text_address))
        return NULL;
    close_fn close_text = (close_fn)address_of(text_close), close_pg = (close_fn)address_of(page_close);
    void *page = address_of(page_address), *textpage = address_of(text_address);
    if (PyErr_Occurred())
        return NULL;
    close_text(textpage);
    close_pg(page);
    Py_RETURN_NONE;
}

/* ---- round 11: pdf.py's _grid_cells ------------------------------------------------------- */

/* One incidence: vertical ruling vi crosses horizontal ruling hi at (x, y); order: when pdf.py's
 * loop meets it. */
typedef struct { double x, y; Py_ssize_t vi, hi, order; } incidence;

/* A point (x, y) of the grid: its key (the first incidence's values, as the dict keeps its first
 * key), the incidences through it [first, first + count) in the by-(x, y) array, its place in the
 * column and row arrays. */
typedef struct { double x, y; Py_ssize_t first, count, order, col, row; } grid_point;

static int by_x_y(const void *a, const void *b) {
    const incidence *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return p->order < q->order ? -1 : p->order > q->order;
}

static const grid_point *sort_points;   /* qsort has no context argument: the array being sorted */

static int point_by_x_y(const void *a, const void *b) {
    const grid_point *p = &sort_points[*(const Py_ssize_t *)a], *q = &sort_points[*(const Py_ssize_t *)b];
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return p->y < q->y ? -1 : p->y > q->y;
}

static int point_by_y_x(const void *a, const void *b) {
    const grid_point *p = &sort_points[*(const Py_ssize_t *)a], *q = &sort_points[*(const Py_ssize_t *)b];
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return p->x < q->x ? -1 : p->x > q->x;
}

static int point_by_order(const void *a, const void *b) {
    Py_ssize_t p = sort_points[*(const Py_ssize_t *)a].order, q = sort_points[*(const Py_ssize_t *)b].order;
    return p < q ? -1 : p > q;
}

/* Do points p and q share a vertical (vertical = 1) or a horizontal ruling? */
static int share(const incidence *inc, const grid_point *p, const grid_point *q, int vertical) {
    for (Py_ssize_t a = p->first; a < p->first + p->count; a++)
        for (Py_ssize_t b = q->first; b < q->first + q->count; b++)
            if (vertical ? inc[a].vi == inc[b].vi : inc[a].hi == inc[b].hi)
                return 1;
    return 0;
}

/* The point at (x, y), -1 for none: bisection of the points sorted by (x, y). */
static Py_ssize_t point_at(const grid_point *points, const Py_ssize_t *by_col, Py_ssize_t n, double x, double y) {
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        const grid_point *m = &points[by_col[mid]];
        if (m->x < x || (m->x == x && m->y < y))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && points[by_col[lo]].x == x && points[by_col[lo]].y == y ? by_col[lo] : -1;
}

/* (position, low, high) triples into three arrays; 1 when one of them is NaN */
static int edges_of(PyObject *list, Py_ssize_t n, double *pos, double *low, double *high) {
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *edge = PyList_GET_ITEM(list, k);
        if (!PyArg_ParseTuple(edge, "ddd", &pos[k], &low[k], &high[k]))
            return -1;
        if (isnan(pos[k]) || isnan(low[k]) || isnan(high[k]))
            return 1;
    }
    return 0;
}

/* lower_bound (strict = 0: first value >= x, bisect_left) or upper_bound (strict = 1: first > x) */
static Py_ssize_t bound(const double *values, Py_ssize_t n, double x, int strict) {
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (strict ? !(x < values[mid]) : values[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static Py_ssize_t grid_incidences(const double *hy, const double *hx0, const double *hx1, Py_ssize_t n_h,
                                  const double *vx, const double *vt, const double *vb, Py_ssize_t n_v,
                                  double cross, incidence **out) {
    int ordered = 1;
    for (Py_ssize_t k = 1; k < n_h; k++)
        if (!(hy[k - 1] <= hy[k]))
            ordered = 0;
    Py_ssize_t n = 0, capacity = 64;
    incidence *inc = PyMem_Malloc(sizeof(incidence) * capacity);
    if (!inc)
        return -1;
    for (Py_ssize_t vi = 0; vi < n_v; vi++) {
        double x = vx[vi], top = vt[vi] - cross, bottom = vb[vi] + cross;
        Py_ssize_t first = ordered ? bound(hy, n_h, top, 0) : 0, stop = ordered ? bound(hy, n_h, bottom, 1) : n_h;
        for (Py_ssize_t hi = first; hi < stop; hi++) {
            double y = hy[hi];
            if (!(top <= y && y <= bottom && hx0[hi] - cross <= x && x <= hx1[hi] + cross))
                continue;
            if (n == capacity) {
                capacity *= 2;
                incidence *grown = PyMem_Realloc(inc, sizeof(incidence) * capacity);
                if (!grown) {
                    PyMem_Free(inc);
                    return -1;
                }
                inc = grown;
            }
            inc[n].x = x;
            inc[n].y = y;
            inc[n].vi = vi;
            inc[n].hi = hi;
            inc[n].order = n;
            n++;
        }
    }
    *out = inc;
    return n;
}

/* The smallest cell with top-left corner p (pdf.py's loop over by_x[x] below it, then by_y[y]
 * right of it); 1 and *cell filled when found. */
static int smallest_cell(const incidence *inc, const grid_point *points, const Py_ssize_t *by_col,
                         const Py_ssize_t *by_row, Py_ssize_t n, Py_ssize_t id, double cell[4]) {
    const grid_point *p = &points[id];
    for (Py_ssize_t b = p->col + 1; b < n && points[by_col[b]].x == p->x; b++) {
        const grid_point *below = &points[by_col[b]];
        if (!share(inc, p, below, 1))
            continue;
        for (Py_ssize_t r = p->row + 1; r < n && points[by_row[r]].y == p->y; r++) {
            const grid_point *side = &points[by_row[r]];
            if (!share(inc, p, side, 0))
                continue;
            Py_ssize_t c = point_at(points, by_col, n, side->x, below->y);
            if (c >= 0 && share(inc, &points[c], side, 1) && share(inc, &points[c], below, 0)) {
                cell[0] = p->x, cell[1] = p->y, cell[2] = side->x, cell[3] = below->y;
                return 1;
            }
        }
    }
    return 0;
}

/* The grid's points from its incidences (sorted here by (x, y), then order): one per distinct
 * (x, y), numbered in the order pdf.py's dict inserts them; *by_col and *by_row: the points sorted
 * by (x, y) and by (y, x), each point's place in them in col and row. */
static Py_ssize_t grid_points(incidence *inc, Py_ssize_t n_inc, grid_point **points_out, Py_ssize_t **by_col_out,
                              Py_ssize_t **by_row_out) {
    qsort(inc, (size_t)n_inc, sizeof(incidence), by_x_y);
    grid_point *found = PyMem_Malloc(sizeof(grid_point) * (n_inc ? n_inc : 1));
    Py_ssize_t *rank = PyMem_Malloc(sizeof(Py_ssize_t) * (n_inc ? n_inc : 1));
    Py_ssize_t *by_col = PyMem_Malloc(sizeof(Py_ssize_t) * (n_inc ? n_inc : 1));
    Py_ssize_t *by_row = PyMem_Malloc(sizeof(Py_ssize_t) * (n_inc ? n_inc : 1));
    grid_point *points = PyMem_Malloc(sizeof(grid_point) * (n_inc ? n_inc : 1));
    if (!found || !rank || !by_col || !by_row || !points) {
        PyMem_Free(found), PyMem_Free(rank), PyMem_Free(by_col), PyMem_Free(by_row), PyMem_Free(points);
        return -1;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t k = 0; k < n_inc; k++) {
        if (n && inc[k].x == found[n - 1].x && inc[k].y == found[n - 1].y) {
            found[n - 1].count++;
            continue;   /* sorted by order within (x, y): the group's first is its key */
        }
        found[n].x = inc[k].x, found[n].y = inc[k].y, found[n].first = k, found[n].count = 1;
        found[n].order = inc[k].order;
        n++;
    }
    /* number the points by first incidence: the dict's insertion order */
    for (Py_ssize_t k = 0; k < n; k++)
        rank[k] = k;
    sort_points = found;
    qsort(rank, (size_t)n, sizeof(Py_ssize_t), point_by_order);
    for (Py_ssize_t k = 0; k < n; k++)
        points[k] = found[rank[k]];
    PyMem_Free(found);
    PyMem_Free(rank);
    for (Py_ssize_t k = 0; k < n; k++)
        by_col[k] = by_row[k] = k;
    sort_points = points;
    qsort(by_col, (size_t)n, sizeof(Py_ssize_t), point_by_x_y);
    qsort(by_row, (size_t)n, sizeof(Py_ssize_t), point_by_y_x);
    for (Py_ssize_t k = 0; k < n; k++) {
        points[by_col[k]].col = k;
        points[by_row[k]].row = k;
    }
    *points_out = points, *by_col_out = by_col, *by_row_out = by_row;
    return n;
}

/* grid_cells(horizontal, vertical, cross) -> pdf.py's _grid_cells(horizontal, vertical): the
 * same cells in the same order; None when a value is NaN (a dict key that is NaN matches only
 * itself: pdf.py's loop decides). */
static PyObject *grid_cells(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *horizontal, *vertical;
    double cross;
    if (!PyArg_ParseTuple(args, "O!O!d", &PyList_Type, &horizontal, &PyList_Type, &vertical, &cross))
        return NULL;
    Py_ssize_t n_h = PyList_GET_SIZE(horizontal), n_v = PyList_GET_SIZE(vertical);
    double *values = PyMem_Malloc(sizeof(double) * 3 * (n_h + n_v + 1));
    incidence *inc = NULL;
    grid_point *points = NULL;
    Py_ssize_t *by_col = NULL, *by_row = NULL;
    PyObject *result = NULL;
    if (!values)
        return PyErr_NoMemory();
    double *hy = values, *hx0 = hy + n_h, *hx1 = hx0 + n_h, *vx = hx1 + n_h, *vt = vx + n_v, *vb = vt + n_v;
    int status = edges_of(horizontal, n_h, hy, hx0, hx1);
    if (!status)
        status = edges_of(vertical, n_v, vx, vt, vb);
    if (status) {
        PyMem_Free(values);
        if (status < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    Py_ssize_t n_inc = grid_incidences(hy, hx0, hx1, n_h, vx, vt, vb, n_v, cross, &inc);
    Py_ssize_t n = n_inc < 0 ? -1 : grid_points(inc, n_inc, &points, &by_col, &by_row);
    if (n < 0) {
        PyErr_NoMemory();
        goto done;
    }
    if (!(result = PyList_New(0)))
        goto done;
    for (Py_ssize_t id = 0; id < n; id++) {
        double cell[4];
        if (!smallest_cell(inc, points, by_col, by_row, n, id, cell))
            continue;
        PyObject *item = Py_BuildValue("(dddd)", cell[0], cell[1], cell[2], cell[3]);
        if (!item || PyList_Append(result, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(result);
            goto done;
        }
        Py_DECREF(item);
    }
done:
    PyMem_Free(values);
    PyMem_Free(inc);
    PyMem_Free(points);
    PyMem_Free(by_col);
    PyMem_Free(by_row);
    return result;
}

static PyMethodDef methods[] = {
    {"cell_texts", cell_texts, METH_VARARGS,
     "cell_texts(box_fn, angle_fn, textpage, codes, grids, cell_counts[, unicode_fn]): per table the joined text "
     "of each cell (codes: a list, or an aligned page's text)"},
    {"page_lines", page_lines, METH_VARARGS,
     "page_lines(functions, textpage, text, aligned): the page's stripped lines with size, weight and boxes"},
    {"grid_cells", grid_cells, METH_VARARGS,
     "grid_cells(horizontal, vertical, cross): pdf.py's _grid_cells, or None when a value is NaN"},
    {"load_page", load_page, METH_VARARGS,
     "load_page(functions, document, index): (page, textpage, count, text, aligned, height), or 1-3 on failure"},
    {"close_page", close_page, METH_VARARGS, "close_page((text_close, page_close), page, textpage)"},
    {"page_segments", page_segments, METH_VARARGS,
     "page_segments(functions, constants, page): (horizontal, vertical) axis-parallel path segments"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_pdfium_batch",
    "pdfium's per-character and per-segment calls in C loops (optional; pdf.py falls back to Python).",
    -1, methods,
};

PyMODINIT_FUNC PyInit__pdfium_batch(void) {
    return PyModule_Create(&module);
}
