/** A small catalogue for renderer tests. */
import type { Catalog, CatalogExercise, ExerciseProgressView } from '../../../core/lab-api/index.ts';
import { emptyProgress } from '../../../core/lab-api/index.ts';

const progress = emptyProgress;

function exercise(
  id: string,
  title: string,
  track: string,
  difficulty: CatalogExercise['difficulty'],
  tags: string[],
  progressChanges: Partial<ExerciseProgressView> = {},
): CatalogExercise {
  return {
    id,
    title,
    track,
    difficulty,
    minutes: 10,
    tags,
    kind: 'write',
    examWeight: 1,
    progress: progress(id, progressChanges),
  };
}

/** Two tracks, four exercises: one completed, one in progress (a draft), two untouched. */
export function sampleCatalog(): Catalog {
  return {
    tracks: [
      {
        id: 'selectors',
        title: 'Label selectors',
        description: 'Match pods by label.',
        order: 2,
        exerciseIds: ['match-expressions'],
      },
      {
        id: 'foundations',
        title: 'Foundations',
        description: 'Directions and isolation.',
        order: 1,
        exerciseIds: ['deny-all', 'db-ingress', 'egress-dns'],
      },
    ],
    exercises: [
      exercise('deny-all', 'Deny everything first', 'foundations', 'beginner', ['default-deny'], {
        completed: true,
        attemptCount: 2,
        bestScore: 100,
      }),
      exercise('db-ingress', 'Only the API may open the database', 'foundations', 'beginner', ['ingress'], {
        draftUpdatedAt: 1,
      }),
      exercise('egress-dns', 'Keep DNS working', 'foundations', 'intermediate', ['egress', 'dns']),
      exercise('match-expressions', 'Set-based selectors', 'selectors', 'advanced', ['matchExpressions']),
    ],
    continueExerciseId: 'db-ingress',
    problems: [],
  };
}
